package io.streamfold.internal.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's {@code delta} object (Anthropic, Gemini Interactions), read whole: the text-bearing
 * fields into reusable buffers, anything else into {@link #others}. Reused event after event.
 */
public final class EventDelta {

    public boolean present;
    public String type;
    public final CharBuf text = new CharBuf();
    public final CharBuf thinking = new CharBuf();
    public final CharBuf signature = new CharBuf();
    public final CharBuf partialJson = new CharBuf();
    public final CharBuf arguments = new CharBuf();
    /** Other fields (stop_reason, citation, ...), or null when there were none. */
    public Map<String, Object> others;
    private final KeyOrder keys = new KeyOrder();
    private String lastType;

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

    /** Reads the delta; the parser stands on its START_OBJECT. */
    public void read(JsonParser p, Diagnostics diag) throws IOException {
        present = true;
        for (String name = keys.first(p); name != null; name = keys.next(p)) {
            JsonToken t = p.nextToken();
            // The keys of every text delta, by identity (Jackson interns names) before the switch's hashing.
            if (name == "type") {
                type = lastType = EventFields.repeatedOrRead(p, lastType, diag, "type");
                continue;
            }
            if (name == "text" && t == JsonToken.VALUE_STRING) {
                text.appendText(p);
                continue;
            }
            switch (name) {
                case "text":
                    Read.text(p, text, diag, "delta.text");
                    break;
                case "thinking":
                    Read.text(p, thinking, diag, "delta.thinking");
                    break;
                case "signature":
                    Read.text(p, signature, diag, "delta.signature");
                    break;
                case "partial_json":
                    Read.text(p, partialJson, diag, "delta.partial_json");
                    break;
                case "arguments":
                    // streamed as a string, or sent whole as an object (Interactions' function_call delta)
                    if (t == JsonToken.VALUE_STRING) {
                        arguments.appendText(p);
                    } else if (t != JsonToken.VALUE_NULL) {
                        other(name, JsonValues.read(p));
                    }
                    break;
                default:
                    other(name, JsonValues.read(p));
                    break;
            }
        }
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
