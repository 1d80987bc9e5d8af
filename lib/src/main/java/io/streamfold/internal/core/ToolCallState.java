package io.streamfold.internal.core;

import io.streamfold.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tool call being folded: the fields fragments set or extend. */
public final class ToolCallState {

    final int position;
    String id;
    String type;
    StringBuilder name;
    final TextAccumulator arguments = new TextAccumulator();
    /** Arguments that replace the streamed ones (a whole JSON input, a rebuilt Gemini args object). */
    String argumentsOverride;
    Map<String, Object> extra;
    boolean completed;

    ToolCallState(int position) {
        this.position = position;
    }

    public int position() {
        return position;
    }

    public String id() {
        return id;
    }

    public void id(String id) {
        this.id = id;
    }

    public String type() {
        return type;
    }

    public void type(String type) {
        this.type = type;
    }

    public String name() {
        return name == null ? null : name.toString();
    }

    public void name(String value) {
        name = new StringBuilder(value);
    }

    /** Extends the name with a piece (a name streamed in parts). */
    public void appendName(CharSequence piece) {
        if (name == null) {
            name = new StringBuilder(piece);
        } else {
            name.append(piece);
        }
    }

    public TextAccumulator arguments() {
        return arguments;
    }

    public boolean hasArguments() {
        return argumentsOverride != null || arguments.length() > 0;
    }

    /** Replaces the arguments with a whole value (formats that send arguments whole or rebuild them). */
    public void setArguments(String whole) {
        argumentsOverride = whole;
    }

    public Map<String, Object> extra() {
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        return extra;
    }

    ToolCall snapshot(String defaultType) {
        return snapshot(defaultType, null);
    }

    /** The call as a snapshot shows it: {@code published} arguments, when a format has some for it, win. */
    ToolCall snapshot(String defaultType, String published) {
        String args = published != null ? published : argumentsOverride != null ? argumentsOverride : arguments.toString();
        return new ToolCall(position, id, type != null ? type : defaultType, name(), args, extra);
    }
}
