package io.streamfold.internal.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.Set;

/**
 * Copies the chunks of a JSON stream, fed in pieces split anywhere, one compact JSON text per
 * chunk: a sequence of root values (JSON Lines, SSE payloads) or the elements of one root array
 * (Gemini's REST stream). Jackson's non-blocking parser reads the pieces as they come, so only the
 * chunk being copied is held. With normalisation, a chunk's top-level fields that change from one
 * run to the next are replaced as llama-stack's recorder replaces them.
 */
final class ChunkCopier {

    /** Receives each complete chunk. */
    interface Sink {
        void chunk(byte[] json, int length) throws IOException;
    }

    static final String EPOCH = "1970-01-01T00:00:00.000000Z";
    private static final Set<String> DURATIONS = Set.of("total_duration", "load_duration", "prompt_eval_duration",
            "eval_duration");

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final JsonFactory factory;
    private final Sink sink;
    /** The id every chunk gets when normalising ({@code rec-<hash>}), or null not to normalise. */
    private final String normalisedId;
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(1024);
    private JsonGenerator chunk;
    private int depth;
    /** 0: chunks are root values; 1: they are the elements of a root array. */
    private int chunkDepth = -1;
    /** The top-level field whose value comes next, when it is one normalisation replaces. */
    private String replacing;
    private int chunks;

    ChunkCopier(JsonFactory factory, Sink sink, String normalisedId) throws IOException {
        this.factory = factory;
        this.parser = factory.createNonBlockingByteArrayParser();
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        this.sink = sink;
        this.normalisedId = normalisedId;
    }

    /** How many chunks have been copied. */
    int chunks() {
        return chunks;
    }

    /** Whether a chunk has begun and not ended. */
    boolean insideChunk() {
        return chunk != null;
    }

    void feed(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        feeder.feedInput(bytes, offset, offset + length);
        drain();
    }

    void finish() throws IOException {
        feeder.endOfInput();
        drain();
    }

    private void drain() throws IOException {
        for (JsonToken t; (t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE; ) {
            token(t);
        }
    }

    private void token(JsonToken t) throws IOException {
        if (chunkDepth < 0) {
            chunkDepth = t == JsonToken.START_ARRAY ? 1 : 0;
            if (chunkDepth == 1) {
                depth = 1;
                return;
            }
        }
        if (chunk == null) {
            if (t == JsonToken.END_ARRAY && chunkDepth == 1 && depth == 1) {
                depth = 0;
                chunkDepth = -1; // the array ended; another may follow
                return;
            }
            buffer.reset();
            chunk = factory.createGenerator(buffer);
        }
        if (t.isStructStart()) {
            depth++;
        } else if (t.isStructEnd()) {
            depth--;
        }
        if (replacing != null) {
            String name = replacing;
            replacing = null;
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL && replace(name)) {
                endChunkIfDone();
                return;
            }
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            chunk.writeNumber(parser.getText()); // as sent: copyCurrentEvent may write a float as a double
        } else {
            chunk.copyCurrentEvent(parser);
        }
        if (t == JsonToken.FIELD_NAME && normalisedId != null && depth == chunkDepth + 1) {
            String name = parser.currentName();
            if (name.equals("id") || name.equals("created") || name.equals("created_at") || DURATIONS.contains(name)) {
                replacing = name;
            }
        }
        endChunkIfDone();
    }

    /** Writes the normalised value of the field; false to keep the value as sent. */
    private boolean replace(String name) throws IOException {
        switch (name) {
            case "id":
                chunk.writeString(normalisedId);
                return true;
            case "created_at":
                chunk.writeString(EPOCH);
                return true;
            default:
                chunk.writeNumber(0); // created, and Ollama's durations
                return true;
        }
    }

    private void endChunkIfDone() throws IOException {
        if (depth == chunkDepth) {
            chunk.close();
            chunk = null;
            chunks++;
            byte[] json = buffer.toByteArray(); // which resets a builder of several blocks: take its length from the copy
            sink.chunk(json, json.length);
        }
    }
}
