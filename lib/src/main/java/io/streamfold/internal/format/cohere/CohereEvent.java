package io.streamfold.internal.format.cohere;

import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.internal.format.EventFields;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.Read;
import java.io.IOException;

/** One Cohere v2 stream event as read: its type, index, id and delta. */
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
                keep(p, name);
                return true;
            default:
                return false;
        }
    }
}
