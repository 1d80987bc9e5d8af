package io.streamfold.internal.format.interactions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.format.EventDelta;
import io.streamfold.internal.format.EventFields;
import io.streamfold.internal.json.Diagnostics;
import java.io.IOException;

/**
 * One Gemini Interactions event as read: {@code event_type} (or {@code type}), index, delta,
 * status and structured fields.
 */
final class InteractionsEvent extends EventFields {

    final EventDelta delta = new EventDelta();
    String status;

    @Override
    public void reset() {
        super.reset();
        delta.reset();
        status = null;
    }

    @Override
    public boolean read(JsonParser p, String name, Diagnostics diag) throws IOException {
        JsonToken t = p.currentToken();
        switch (name) {
            case "event_type":
                readType(p, diag, "event_type");
                return true;
            case "type":
                if (type == null) {
                    readType(p, diag, "type"); // event_type wins when both came
                }
                return true;
            case "index":
                readIndex(p, diag, "index");
                return true;
            case "delta":
                readDelta(p, delta, diag);
                return true;
            case "status":
                // A status update says a string; anything else is kept verbatim, never lost.
                if (t == JsonToken.VALUE_STRING) {
                    status = p.getText();
                } else {
                    keep(p, name);
                }
                return true;
            case "interaction":
            case "content":
            case "step":
            case "error":
                keep(p, name);
                return true;
            default:
                return false;
        }
    }
}
