package io.streamfold.internal.core;

import io.streamfold.ToolCall;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.Read;
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
    /** Free-form input (a Responses custom tool), not JSON: never checked as JSON. */
    boolean freeForm;

    /** Arguments are only JSON as a whole: at the end, say when they are not. */
    void checkArguments(int choice, Diagnostics diagnostics) {
        String args = argumentsOverride != null ? argumentsOverride : arguments.toString();
        if (!freeForm && !args.isBlank() && !Read.isJson(args)) {
            diagnostics.warn("invalid-arguments:" + choice + ":" + position, "invalid-arguments",
                    "the arguments of tool call " + position + " (" + name() + ") in choice " + choice
                            + " are not valid JSON: " + Values.preview(args));
        }
    }

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

    /** Marks the call's input as free-form text (a custom tool's), which is not JSON. */
    public void freeForm() {
        freeForm = true;
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
