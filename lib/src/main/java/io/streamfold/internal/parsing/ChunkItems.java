package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.AssemblyException;
import io.streamfold.Problem;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.KeyOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the items a container holds: a chunk object or a typed envelope around one, an SSE line
 * stored as a string, a whole stream stored as one string. Each item is complete when it is read
 * (the incremental reader frames it first), so these are plain pull reads. In lenient mode a chunk
 * of the wrong shape is listed as a problem and skipped.
 */
final class ChunkItems {

    /** How many chunks that tell no format may open a sequence before it is no stream. */
    private static final int UNTOLD_MAX = 8;

    private final KeyOrder envelopeKeys = new KeyOrder();
    /** The first chunks of a sequence, while none told a format: not a stream, or damaged chunks of one. */
    private final java.util.List<AssemblyException> untold = new java.util.ArrayList<>();
    private NotAStreamException firstUntold;
    private final ChunkReader reader;
    private final Diagnostics diag;
    private final JsonFactory factory;

    ChunkItems(ChunkReader reader, Diagnostics diag, JsonFactory factory) {
        this.reader = reader;
        this.diag = diag;
        this.factory = factory;
    }

    Diagnostics diag() {
        return diag;
    }

    /** Whether an item's read may be cut short and done again (see {@link ChunkReader#readsUndoably}). */
    boolean readsUndoably() {
        return reader.readsUndoably();
    }

    /** What a chunk that tells no format, while no chunk did, is. */
    enum Untold {
        /** A located error (lenient: a problem, and the next chunks are read): the input is a stream for sure. */
        FAULT,
        /** A damaged chunk if a later chunk of the sequence tells a format, else the sign of no stream. */
        DEFERRED,
        /** No stream: the item is the whole input's one object (a recording's body). */
        NO_STREAM
    }

    /**
     * Reads one object item; the parser stands on its START_OBJECT, or on its first FIELD_NAME
     * ({@code atFirstField}: the container looked at it already).
     */
    void readLeniently(JsonParser p, JsonStreamContext container, boolean atFirstField, Untold untold)
            throws IOException {
        read(p, container, atFirstField, untold, false);
    }

    /**
     * The input's first root object, the parser on its first FIELD_NAME: a chunk, or a recording
     * that a later key tells ({@link RecordingAfterAll}, which the container catches).
     */
    void readRootObject(JsonParser p, JsonStreamContext container) throws IOException {
        read(p, container, true, Untold.DEFERRED, true);
    }

    private void read(JsonParser p, JsonStreamContext container, boolean atFirstField, Untold ifUntold,
            boolean root) throws IOException {
        try {
            if (atFirstField) {
                envelopeKeys.startAfter(p, p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null);
            } else {
                envelopeKeys.first(p); // most items are envelopes: their first key guessed as bytes
            }
            try {
                readItem(p, root);
            } catch (NotAStreamException e) {
                if (ifUntold == Untold.NO_STREAM) {
                    throw e;
                }
                if (ifUntold == Untold.DEFERRED) {
                    untold(e);
                    skipOut(p, container);
                    return;
                }
                throw notTold(e);
            }
            reportUntold();
        } catch (AssemblyException e) {
            reportUntold();
            if (!diag.lenient() || e.kind() != Problem.Kind.UNEXPECTED) {
                throw e;
            }
            diag.addProblem(e.problem());
            skipOut(p, container);
        }
    }

    private AssemblyException notTold(NotAStreamException e) {
        return diag.unexpected("Expected a chunk of a known streaming format but found " + e.getMessage()
                .replaceFirst("^JSON that is not a recording: its first object has", "an object with")
                .replaceFirst("^chunk \\d+ has", "one with"));
    }

    /**
     * A chunk of a sequence that tells no format while none did: kept, located, until a later chunk
     * tells one (it was a damaged chunk of that stream) or the sequence ends (it is no stream).
     */
    private void untold(NotAStreamException e) {
        if (firstUntold == null) {
            firstUntold = e;
        }
        if (untold.size() == UNTOLD_MAX) {
            throw firstUntold;
        }
        untold.add(notTold(e));
    }

    /** Once a chunk told the format, the chunks before that told none are its damaged ones. */
    private void reportUntold() {
        if (untold.isEmpty() || !reader.formatKnown()) {
            return;
        }
        if (!diag.lenient()) {
            throw untold.get(0);
        }
        for (AssemblyException e : untold) {
            diag.addProblem(e.problem());
        }
        untold.clear();
    }

    /** The sequence ended: if no chunk told a format, it is no stream. */
    void concludeUntold() {
        if (!untold.isEmpty()) {
            throw firstUntold;
        }
    }

    /** A Responses event whose first key is {@code response}: the parser stands inside that object. */
    void readEventStartingWithResponse(JsonParser p) throws IOException {
        reader.readWithResponseOpen(p);
    }

    /** Reads an object item; the parser stands on its first FIELD_NAME (or END_OBJECT). */
    private void readItem(JsonParser p, boolean root) throws IOException {
        JsonToken t = p.currentToken();
        String first = t == JsonToken.FIELD_NAME ? p.currentName() : null;
        if (first == "__type__" || first == "__data__") { // interned names: identity
            readEnvelope(p);
        } else if (root) {
            reader.readRootObject(p);
        } else {
            reader.read(p);
        }
    }

    /** A typed envelope: {@code {"__type__": "...", "__data__": {chunk}}}, keys in any order. */
    private void readEnvelope(JsonParser p) throws IOException {
        boolean sawData = false;
        String first = p.currentName(); // envelopeKeys stands after it
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

    /** Advances until the parser is back in {@code container}: past the rest of a faulty item. */
    static void skipOut(JsonParser p, JsonStreamContext container) throws IOException {
        while (p.getParsingContext() != container && p.currentToken() != null) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Streams stored as strings
     * ------------------------------------------------------------------------------------- */

    /** A body stored as one string of SSE text or JSON Lines: read as a sequence of chunks. */
    void readEmbeddedText(JsonParser outer) throws IOException {
        byte[] bytes = outer.getText().getBytes(StandardCharsets.UTF_8);
        JsonLocation at = outer.currentTokenLocation();
        InputKind kind = InputKind.of(bytes, 0, bytes.length);
        if (kind != InputKind.SSE && kind != InputKind.JSON) {
            if (kind != InputKind.EMPTY) {
                throw diag.expected("a list of chunks, or SSE text", "response.body");
            }
            return;
        }
        JsonParser saved = diag.parser();
        try (JsonParser inner = kind == InputKind.SSE ? factory.createParser(new SseInputStream(new ByteArrayInputStream(bytes)))
                : factory.createParser(bytes)) {
            diag.useParser(inner, at.getLineNr(), at.getColumnNr() + 1, Math.max(at.getByteOffset(), 0) + 1);
            Containers.sequence(this, null).readAll(inner);
        }
        diag.useParser(saved, 1, 1, 0);
    }

    /**
     * An SSE line a recorder stored as one string ({@code "event: message_start"},
     * {@code "data: {...}"}, {@code ""}): a data payload is parsed where it stands, with locations
     * that point into the recording. The parser stands on the VALUE_STRING.
     */
    void readSseLine(JsonParser outer) throws IOException {
        char[] chars = outer.getTextCharacters();
        int offset = outer.getTextOffset();
        int start = offset;
        int end = offset + outer.getTextLength();
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
            while ((t = nextItem(inner, diag)) != null) {
                diag.beginChunk();
                if (t != JsonToken.START_OBJECT) {
                    throw diag.expected("a chunk object", "an SSE data line");
                }
                try {
                    envelopeKeys.first(inner);
                    readItem(inner, false);
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

    /** The item just read was a whole non-streaming response (a recording's one body object). */
    void wholeResponse() {
        reader.wholeResponse();
    }

    /**
     * The first token of the next item of a sequence. Input that is no JSON where an item begins
     * ({@code data: nonsense}) is that next item's fault, not the last one's: it is counted first.
     */
    static JsonToken nextItem(JsonParser p, Diagnostics diag) throws IOException {
        try {
            return p.nextToken();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            diag.beginChunk();
            throw e;
        }
    }
}
