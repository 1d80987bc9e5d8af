package io.streamfold.internal.format.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.format.EventDelta;
import io.streamfold.internal.format.EventFields;
import io.streamfold.internal.json.Diagnostics;
import java.io.IOException;

/** One Anthropic Messages event as read: its type, index, delta and structured fields. */
final class AnthropicEvent extends EventFields {

    final EventDelta delta = new EventDelta();

    @Override
    public void reset() {
        super.reset();
        delta.reset();
    }

    @Override
    public boolean read(JsonParser p, String name, Diagnostics diag) throws IOException {
        JsonToken t = p.currentToken();
        // The keys of every delta event, by identity (Jackson interns names) before the switch's hashing.
        if (name == "type") {
            readType(p, diag, "type");
            return true;
        }
        if (name == "index") {
            readIndex(p, diag, "index");
            return true;
        }
        if (name == "delta") {
            readDelta(p, delta, diag);
            return true;
        }
        switch (name) {
            case "usage":
                if (t != JsonToken.START_OBJECT && t != JsonToken.VALUE_NULL) {
                    throw diag.expected("an object", "usage");
                }
                keep(p, name);
                return true;
            case "message":
            case "content_block":
            case "error":
                keep(p, name);
                return true;
            case "id":
            case "role":
            case "model":
            case "content":
            case "stop_reason":
            case "stop_sequence":
            case "container":
                // A non-streaming message's own fields: no event of a stream has them at its top.
                keep(p, name);
                return true;
            default:
                return false;
        }
    }
}
