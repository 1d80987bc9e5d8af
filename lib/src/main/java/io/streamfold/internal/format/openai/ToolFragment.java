package io.streamfold.internal.format.openai;

import io.streamfold.internal.json.CharBuf;

/**
 * One tool-call fragment as a chunk carried it ({@code {index, id, type, function: {name,
 * arguments}}}), read whole before it is merged because its keys come in any order.
 */
final class ToolFragment {

    public boolean hasIndex;
    public int index;
    public final CharBuf id = new CharBuf();
    public String type;
    public final CharBuf name = new CharBuf();
    public final CharBuf arguments = new CharBuf();
    /** Fields beyond the four, as read (a vendor's), or null. */
    public java.util.Map<String, Object> others;

    public void reset() {
        hasIndex = false;
        index = 0;
        id.reset();
        type = null;
        name.reset();
        arguments.reset();
        others = null;
    }

    public void other(String name, Object value) {
        if (others == null) {
            others = new java.util.LinkedHashMap<>();
        }
        others.put(name, value);
    }

    /** An empty {@code id} or {@code name} counts as absent (rule 7). */
    boolean hasId() {
        return !id.isEmpty();
    }

    boolean carriesNothing() {
        return id.isEmpty() && name.isEmpty() && arguments.isEmpty();
    }
}
