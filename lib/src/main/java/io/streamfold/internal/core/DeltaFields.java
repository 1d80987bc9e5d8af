package io.streamfold.internal.core;

import io.streamfold.internal.json.CharBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's {@code delta} object (Anthropic, Gemini Interactions), read whole: the text-bearing
 * fields into reusable buffers, anything else into {@link #others}.
 */
public final class DeltaFields {

    public boolean present;
    public String type;
    public final CharBuf text = new CharBuf();
    public final CharBuf thinking = new CharBuf();
    public final CharBuf signature = new CharBuf();
    public final CharBuf partialJson = new CharBuf();
    public final CharBuf arguments = new CharBuf();
    /** Other fields (stop_reason, citation, ...), or null when there were none. */
    public Map<String, Object> others;

    public void reset() {
        present = false;
        type = null;
        text.reset();
        thinking.reset();
        signature.reset();
        partialJson.reset();
        arguments.reset();
        others = null;
    }

    public void other(String name, Object value) {
        if (others == null) {
            others = new LinkedHashMap<>();
        }
        others.put(name, value);
    }

    public Object other(String name) {
        return others == null ? null : others.get(name);
    }
}
