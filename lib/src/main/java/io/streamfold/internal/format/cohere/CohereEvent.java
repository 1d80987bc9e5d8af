package io.streamfold.internal.format.cohere;

import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.internal.format.EventFields;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.Read;
import java.io.IOException;

/** One Cohere v2 stream event as read: its type, index, id and delta; or a whole non-streaming response. */
final class CohereEvent extends EventFields {

    final CohereDelta delta = new CohereDelta();
    String id;

    @Override
    public void reset() {
        super.reset();
        delta.reset();
        id = null;
    }

    @Override
    public boolean read(JsonParser p, String name, Diagnostics diag) throws IOException {
        switch (name) {
            case "type":
                readType(p, diag, "type");
                return true;
            case "index":
                readIndex(p, diag, "index");
                return true;
            case "id":
                id = Read.string(p, diag, "id");
                return true;
            case "delta":
                if (Read.startObject(p, diag, "delta")) {
                    delta.read(p, diag);
                }
                return true;
            case "error":
            case "message":
            case "finish_reason":
            case "usage":
            case "logprobs":
                keep(p, name); // the last four: a non-streaming chat response's own fields
                return true;
            default:
                return false;
        }
    }

    /** Whether this is a whole non-streaming chat response, not an event. */
    boolean isWholeResponse() {
        return type == null && object("finish_reason") != null;
    }
}
