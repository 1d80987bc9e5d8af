package io.streamfold.internal.core;

import io.streamfold.Part;
import java.util.LinkedHashMap;
import java.util.Map;

/** One piece of a message being folded, in the provider's order. */
public final class PartState {

    /** What a piece is; decides which {@link Part} it becomes. */
    public enum Kind { TEXT, REASONING, REFUSAL, TOOL_CALL, OTHER }

    final Kind kind;
    String type;
    final TextAccumulator text = new TextAccumulator();
    StringBuilder signature;
    Map<String, Object> extra;
    ToolCallState call;

    PartState(Kind kind, String type) {
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public TextAccumulator text() {
        return text;
    }

    public ToolCallState call() {
        return call;
    }

    public void setSignature(String s) {
        signature = s == null ? null : new StringBuilder(s);
    }

    public String signature() {
        return signature == null ? null : signature.toString();
    }

    /** Native fields beside the text, or all of an {@link Kind#OTHER} piece's fields. */
    public Map<String, Object> extra() {
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        return extra;
    }

    /** Appends to a list-valued extra field (citations, annotations), creating it on first use. */
    @SuppressWarnings("unchecked")
    public void addToList(String key, Object value) {
        Object current = extra().get(key);
        java.util.List<Object> list = current instanceof java.util.List<?> l
                ? new java.util.ArrayList<>((java.util.List<Object>) l) : new java.util.ArrayList<>();
        list.add(value);
        extra.put(key, list);
    }

    public boolean hasExtra() {
        return extra != null && !extra.isEmpty();
    }

    Part snapshot(String defaultToolType, Published published) {
        switch (kind) {
            case TEXT:
                return new Part.Text(type, text.toString(), extra);
            case REASONING:
                return new Part.Reasoning(type, text.toString(), signature(), extra);
            case REFUSAL:
                return new Part.Refusal(text.toString(), extra);
            case TOOL_CALL:
                return call.snapshot(defaultToolType, published.arguments(call));
            default:
                return new Part.Other(type, extra);
        }
    }
}
