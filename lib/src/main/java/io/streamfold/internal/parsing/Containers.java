package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import io.streamfold.AssemblyException;
import io.streamfold.Problem;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.KeyOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads the containers recorders store streams in, in one pass of a blocking parser: a
 * llama-stack recording ({@code response.body} of typed envelopes, plain chunks or SSE lines),
 * a bare array of chunks, and a sequence of chunk objects (JSON Lines, or SSE text through an
 * {@link SseFilter}). Each chunk goes to the {@link ChunkReader}.
 */
public final class Containers {

    private final KeyOrder envelopeKeys = new KeyOrder();

    static final Set<String> RECORDING_KEYS = Set.of("request", "response", "test_id",
            "id_normalization_mapping");

    private final ChunkReader reader;
    private final Diagnostics diag;
    private final JsonFactory factory;
    private final SseLines sseLines = new SseLines();

    public Containers(ChunkReader reader, Diagnostics diag, JsonFactory factory) {
        this.reader = reader;
        this.diag = diag;
        this.factory = factory;
    }

    /* ---------------------------------------------------------------------------------------
     * Top level
     * ------------------------------------------------------------------------------------- */

    /** Reads a JSON input: a recording, a bare array, or a sequence of chunk objects. */
    public void readJson(JsonParser p) throws IOException {
        diag.useParser(p, 1, 1, 0);
        JsonToken t = p.nextToken();
        if (t == null) {
            throw diag.malformed("Expected a recording or a stream but found an empty input");
        }
        if (t == JsonToken.START_ARRAY) {
            readBody(p);
            expectEnd(p, "the array of chunks");
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new NotAStreamException("the input is " + Diagnostics.describe(p) + ", not a recording or a stream");
        }
        t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            throw new NotAStreamException("the input is an empty JSON object, not a recording or a stream");
        }
        String first = p.currentName();
        if (RECORDING_KEYS.contains(first)) {
            if (first.equals("response")) {
                p.nextToken();
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    JsonToken inner = p.nextToken();
                    if (inner == JsonToken.FIELD_NAME && !isRecordingResponseKey(p.currentName())) {
                        // {"response": {"id": ...}, "type": "response.created"}: a Responses event, not a recording.
                        readEventStartingWithResponse(p);
                        readChunkSequence(p);
                        return;
                    }
                    readRecording(p, true);
                    return;
                }
                readRecording(p, false);
                return;
            }
            readRecording(p, false);
            return;
        }
        diag.beginChunk();
        readChunkLeniently(p, p.getParsingContext().getParent(), true);
        readChunkSequence(p);
    }

    static boolean isRecordingResponseKey(String name) {
        return name.equals("body") || name.equals("is_streaming") || name.equals("status") || name.equals("headers");
    }

    /** Reads SSE text, filtered to its JSON payloads, as a sequence of chunks. */
    public void readSse(JsonParser p, SseFilter filter) throws IOException {
        diag.useParser(p, 1, 1, 0);
        readChunkSequence(p);
        if (filter.dataLines() == 0) {
            throw new NotAStreamException("the SSE text has no data: lines");
        }
    }

    /** Root-level chunk objects one after another (JSON Lines, filtered SSE), until the input ends. */
    private void readChunkSequence(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            diag.beginChunk();
            if (t != JsonToken.START_OBJECT) {
                throw diag.expected("a chunk object", "a line of the stream");
            }
            readChunkLeniently(p, p.getParsingContext().getParent(), false);
        }
    }

    private void expectEnd(JsonParser p, String what) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw diag.malformed("Expected the input to end after " + what + " but found " + Diagnostics.describe(p));
        }
    }

    /* ---------------------------------------------------------------------------------------
     * llama-stack recordings
     * ------------------------------------------------------------------------------------- */

    /**
     * Reads a recording from its first field (or from inside {@code response} when the caller
     * looked there to tell a recording from a Responses event).
     */
    private void readRecording(JsonParser p, boolean insideResponse) throws IOException {
        Recording r = new Recording();
        if (insideResponse) {
            r.sawResponse = true;
            readResponseFields(p, r);
            p.nextToken();
        } else if (p.currentToken() != JsonToken.FIELD_NAME) {
            // The caller stepped onto the value of "response" that is not an object.
            throw diag.expected("an object", "response");
        }
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("response")) {
                if (v != JsonToken.START_OBJECT) {
                    throw diag.expected("an object", "response");
                }
                r.sawResponse = true;
                p.nextToken();
                readResponseFields(p, r);
            } else {
                p.skipChildren();
            }
        }
        expectEnd(p, "the recording");
        r.conclude();
    }

    /** Reads the fields of {@code response}; the parser stands on its first FIELD_NAME (or END_OBJECT). */
    private void readResponseFields(JsonParser p, Recording r) throws IOException {
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "is_streaming":
                    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                        r.streaming = v == JsonToken.VALUE_TRUE;
                    }
                    break;
                case "body":
                    readRecordedBody(p, r, v);
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
    }

    private void readRecordedBody(JsonParser p, Recording r, JsonToken v) throws IOException {
        r.sawBody = true;
        if (Boolean.FALSE.equals(r.streaming)) {
            p.skipChildren();
            return;
        }
        switch (v) {
            case START_ARRAY:
                if (r.streaming == null) {
                    // is_streaming may follow the body: a fault in a list that is not a stream waits for it.
                    JsonStreamContext response = p.getParsingContext().getParent();
                    try {
                        readBody(p);
                    } catch (AssemblyException | NotAStreamException e) {
                        if (e instanceof AssemblyException ae && ae.kind() != Problem.Kind.UNEXPECTED) {
                            throw e;
                        }
                        r.deferred = e;
                        skipOut(p, response);
                    }
                } else {
                    readBody(p);
                }
                break;
            case START_OBJECT:
            case VALUE_NULL:
                r.bodyNotAList(diag.expected("a list of chunks", "response.body"), v == JsonToken.START_OBJECT);
                p.skipChildren();
                break;
            case VALUE_STRING:
                readEmbeddedText(p);
                break;
            default:
                throw diag.expected("a list of chunks", "response.body");
        }
    }

    /** What a recording said about itself, to decide at its end. */
    static final class Recording {
        boolean sawResponse;
        boolean sawBody;
        boolean bodyIsObject;
        Boolean streaming;
        RuntimeException deferred;
        /** A body that is no list, reported only if the recording says it streamed. */
        AssemblyException bodyFault;

        /**
         * The body is an object or null: a non-streaming recording, unless the recording says it
         * streamed; then the located fault, now or when is_streaming comes after the body.
         */
        void bodyNotAList(AssemblyException fault, boolean isObject) {
            if (Boolean.TRUE.equals(streaming)) {
                throw fault;
            }
            bodyFault = fault;
            bodyIsObject = isObject;
            sawBody = isObject;
        }

        void conclude() {
            if (Boolean.TRUE.equals(streaming) && bodyFault != null) {
                throw bodyFault;
            }
            if (!sawResponse) {
                throw new NotAStreamException("the JSON object is not a recording (it has no response) nor a chunk");
            }
            if (Boolean.FALSE.equals(streaming)) {
                throw new NotAStreamException("a non-streaming recording (is_streaming: false)");
            }
            if (bodyIsObject) {
                throw new NotAStreamException("a non-streaming recording (response.body is one object, not a list of chunks)");
            }
            if (!sawBody) {
                throw new NotAStreamException("the recording has no response.body");
            }
            if (deferred != null) {
                throw deferred;
            }
        }
    }

    /** A body stored as one string of SSE text or JSON Lines. */
    void readEmbeddedText(JsonParser outer) throws IOException {
        byte[] bytes = outer.getText().getBytes(StandardCharsets.UTF_8);
        JsonLocation at = outer.currentTokenLocation();
        InputKind kind = InputKind.of(bytes, 0, bytes.length);
        JsonParser saved = diag.parser();
        if (kind == InputKind.SSE) {
            SseInputStream sse = new SseInputStream(new ByteArrayInputStream(bytes));
            try (JsonParser inner = factory.createParser(sse)) {
                diag.useParser(inner, at.getLineNr(), at.getColumnNr() + 1, Math.max(at.getByteOffset(), 0) + 1);
                readChunkSequence(inner);
            }
        } else if (kind == InputKind.JSON) {
            try (JsonParser inner = factory.createParser(bytes)) {
                diag.useParser(inner, at.getLineNr(), at.getColumnNr() + 1, Math.max(at.getByteOffset(), 0) + 1);
                readChunkSequence(inner);
            }
        } else if (kind != InputKind.EMPTY) {
            throw diag.expected("a list of chunks, or SSE text", "response.body");
        }
        diag.useParser(saved, 1, 1, 0);
    }

    /* ---------------------------------------------------------------------------------------
     * Body items
     * ------------------------------------------------------------------------------------- */

    /** Reads an array of body items; the parser stands on its START_ARRAY. */
    private void readBody(JsonParser p) throws IOException {
        JsonStreamContext body = p.getParsingContext();
        SseLines sse = sseLines;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                diag.beginChunk();
                readChunkLeniently(p, body, false);
            } else if (t == JsonToken.VALUE_STRING) {
                sse.line(p);
            } else if (t == null) {
                throw diag.malformed("Expected the end of the list of chunks but found the end of the input");
            } else {
                diag.beginChunk();
                throw diag.expected("a chunk object or an SSE line", "a body item");
            }
        }
    }

    /**
     * Reads one object item (a typed envelope or a plain chunk). In lenient mode a chunk of the
     * wrong shape is listed as a problem and skipped, and the next chunk is read.
     */
    private void readChunkLeniently(JsonParser p, JsonStreamContext container, boolean atFirstField)
            throws IOException {
        try {
            if (atFirstField) {
                envelopeKeys.startAfter(p, p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null);
            } else {
                envelopeKeys.first(p); // most items are envelopes: their first key guessed as bytes
            }
            readItem(p);
        } catch (AssemblyException e) {
            if (!diag.lenient() || e.kind() != Problem.Kind.UNEXPECTED) {
                throw e;
            }
            diag.addProblem(e.problem());
            skipOut(p, container);
        }
    }

    /** Reads an object item; the parser stands on its first FIELD_NAME (or END_OBJECT). */
    private void readItem(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        String first = t == JsonToken.FIELD_NAME ? p.currentName() : null;
        if (first == "__type__" || first == "__data__") { // interned names: identity
            readEnvelope(p);
        } else {
            reader.read(p);
        }
    }

    /** A typed envelope: {@code {"__type__": "...", "__data__": {chunk}}}, keys in any order. */
    private void readEnvelope(JsonParser p) throws IOException {
        boolean sawData = false;
        String first = p.currentName(); // envelopeKeys stands after it (readChunkLeniently)
        for (String name = first; name != null; name = envelopeKeys.next(p)) {
            JsonToken v = p.nextToken();
            if (name == "__data__") {
                if (v != JsonToken.START_OBJECT) {
                    throw diag.expected("a chunk object", "__data__");
                }
                reader.read(p);
                sawData = true;
            } else {
                p.skipChildren();
            }
        }
        if (!sawData) {
            throw diag.unexpected("Expected __data__ beside __type__ in a typed chunk but found none");
        }
    }

    /** Advances until the parser is back in {@code container}: past the rest of a faulty chunk. */
    private static void skipOut(JsonParser p, JsonStreamContext container) throws IOException {
        while (p.getParsingContext() != container && p.currentToken() != null) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }

    /**
     * Reads one framed chunk object on its own parser (the incremental path): the parser stands
     * before its START_OBJECT. A chunk of the wrong shape is a problem in lenient mode.
     */
    void readFramedChunk(JsonParser p, long line, long column, long byteOffset) throws IOException {
        p.nextToken();
        // The parser reads chunk after chunk: its position at this brace is the chunk's place in the input.
        // (Jackson's token getters count column and offset one past what its JsonLocation says.)
        ParserBase at = (ParserBase) p;
        diag.useParser(p, line, column, byteOffset, at.getTokenLineNr(), at.getTokenColumnNr() - 1,
                at.getTokenCharacterOffset() - 1);
        diag.beginChunk();
        readChunkLeniently(p, p.getParsingContext().getParent(), false);
    }

    /** Reads one SSE line stored as a string item (the parser stands on the VALUE_STRING). */
    void readSseLine(JsonParser p) throws IOException {
        sseLines.line(p);
    }

    /** A Responses event whose first key is {@code response}: the parser stands inside that object. */
    private void readEventStartingWithResponse(JsonParser p) throws IOException {
        diag.beginChunk();
        reader.readWithResponseOpen(p);
    }

    /* ---------------------------------------------------------------------------------------
     * SSE lines stored as strings
     * ------------------------------------------------------------------------------------- */

    /**
     * SSE lines a recorder stored one string each ({@code "event: message_start"},
     * {@code "data: {...}"}, {@code ""}): each data payload is parsed where it stands, with
     * locations that point into the recording.
     */
    private final class SseLines {

        void line(JsonParser outer) throws IOException {
            char[] chars = outer.getTextCharacters();
            int offset = outer.getTextOffset();
            int length = outer.getTextLength();
            int start = offset;
            int end = offset + length;
            if (startsWith(chars, start, end, "data:")) {
                start += 5;
                if (start < end && chars[start] == ' ') {
                    start++;
                }
                payload(outer, chars, start, end, start - offset);
            } else if (start < end && (chars[start] == '{' || chars[start] == '[')) {
                payload(outer, chars, start, end, 0); // a chunk stored as its JSON text
            }
            // event:, id:, retry:, comments and blank lines carry nothing to fold
        }

        private void payload(JsonParser outer, char[] chars, int start, int end, int prefix) throws IOException {
            int trimmed = end;
            while (trimmed > start && Character.isWhitespace(chars[trimmed - 1])) {
                trimmed--;
            }
            if (trimmed - start == 6 && startsWith(chars, start, trimmed, "[DONE]")) {
                return;
            }
            JsonLocation at = outer.currentTokenLocation();
            JsonParser saved = diag.parser();
            // The payload sits inside a JSON string: columns past escapes are approximate.
            long column = at.getColumnNr() + 1 + prefix;
            long offset = Math.max(at.getByteOffset(), at.getCharOffset()) + 1 + prefix;
            try (JsonParser inner = factory.createParser(chars, start, end - start)) {
                diag.useParser(inner, at.getLineNr(), column, offset);
                JsonToken t;
                while ((t = inner.nextToken()) != null) {
                    diag.beginChunk();
                    if (t != JsonToken.START_OBJECT) {
                        throw diag.expected("a chunk object", "an SSE data line");
                    }
                    try {
                        envelopeKeys.first(inner);
                        readItem(inner);
                    } catch (AssemblyException e) {
                        if (!diag.lenient() || e.kind() != Problem.Kind.UNEXPECTED) {
                            throw e;
                        }
                        diag.addProblem(e.problem());
                        break; // the rest of this payload is the faulty chunk's
                    }
                }
            } finally {
                diag.useParser(saved, 1, 1, 0);
            }
        }
    }

    private static boolean startsWith(char[] chars, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (chars[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
