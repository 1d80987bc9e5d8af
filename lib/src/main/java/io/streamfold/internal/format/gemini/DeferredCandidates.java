package io.streamfold.internal.format.gemini;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Candidates that arrive after every candidate finished: the next response's first ones, or the
 * same response's trailer (a last chunk that repeats the finish beside the usage; some streams say
 * {@code STOP} on every chunk). Which it is, only the chunk's {@code responseId} tells, and it
 * comes after the candidates: so they are kept as a value, and folded once the chunk has ended,
 * into the response its id names. Errors in them name where they stood.
 */
final class DeferredCandidates {

    private static final JsonFactory REPLAY = new JsonFactory();

    private Object value;
    private JsonLocation at;

    /** Keeps the candidates the parser stands on. */
    void keep(JsonParser p) throws IOException {
        at = p.currentTokenLocation();
        value = JsonValues.read(p);
    }

    boolean present() {
        return at != null;
    }

    /** Folds the kept candidates, through a parser over them. */
    void fold(GeminiCandidates candidates, Diagnostics diag, String field) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = REPLAY.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeFieldName(field);
            JsonValues.write(g, value);
            g.writeEndObject();
        }
        try (JsonParser replay = REPLAY.createParser(bytes.toByteArray())) {
            replay.nextToken();
            JsonStreamContext root = replay.getParsingContext();
            replay.nextFieldName();
            replay.nextToken();
            diag.replaying(replay, root, at);
            candidates.readCandidates(replay);
        } finally {
            diag.endReplay();
            value = null;
            at = null;
        }
    }
}
