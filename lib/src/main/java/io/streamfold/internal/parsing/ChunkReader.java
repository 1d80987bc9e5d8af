package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.WireFormat;
import io.streamfold.internal.format.WireFormats;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.KeyOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one chunk, whatever its format: the loop over its keys, and format sniffing. Once the
 * stream's format is known, every field goes to that format's {@link ChunkFolder}. Until then
 * (the first chunk, mostly) each field is asked whether it tells a format; the fields before the
 * one that tells are kept as values and handed to the folder once it is known, so a chunk's keys
 * may come in any order.
 */
public final class ChunkReader {

    private static final JsonFactory REPLAY = new JsonFactory();
    private static final int KEYS_NAMED = 8;

    private final Assembly assembly;
    private final Diagnostics diag;
    private final KeyOrder chunkKeys = new KeyOrder();
    private WireFormat wire;
    private ChunkFolder folder;
    /** Fields read before the format was known: names, values and where they were. */
    private final List<String> pendingNames = new ArrayList<>();
    private final List<Object> pendingValues = new ArrayList<>();
    private final List<JsonLocation> pendingPlaces = new ArrayList<>();
    /** An {@code error} beside or instead of the chunk's fields, when its format has none of its own. */
    private Object chunkError;
    /** Another format a field of the chunk told, when the stream's format had no such field. */
    private WireFormat foreign;
    /** The chunk's keys its format does not have (their first 80 chars), for the warning when nothing else came. */
    private final StringBuilder unknownKeys = new StringBuilder();
    private static final int UNKNOWN_KEYS_CHARS = 80;
    /** The format a field of the chunk maybe told, while none told one surely. */
    private WireFormat maybe;
    /** The chunk is the input's first root object: it may be a recording whose first key is damaged. */
    private boolean mayBeRecording;

    public ChunkReader(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
    }

    /**
     * Reads one chunk object and folds it. The parser stands on the chunk's START_OBJECT, or on
     * its first FIELD_NAME when the caller already looked inside (a body item without envelope).
     */
    public void read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        String first;
        // The hot loop of every chunk: keys come in the order the last chunk had them, matched as bytes (KeyOrder).
        if (t == JsonToken.START_OBJECT) {
            first = chunkKeys.first(p);
        } else if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
            first = t == JsonToken.FIELD_NAME ? p.currentName() : null;
            chunkKeys.startAfter(p, first);
        } else {
            throw diag.expected("a chunk object", "the chunk");
        }
        diag.chunkRoot(p);
        begin();
        readFields(p, first);
        diag.endChunk();
    }

    /**
     * Reads a chunk whose first field is {@code response} and whose reading has stepped inside
     * that object (telling a Responses event from a recording): the parser stands on the first
     * FIELD_NAME of the {@code response} value.
     */
    public void readWithResponseOpen(JsonParser p) throws IOException {
        begin();
        JsonLocation at = p.currentTokenLocation();
        Map<String, Object> response = JsonValues.readFields(p);
        diag.chunkRoot(p); // now on the response's end: the chunk's own object
        chunkKeys.startAfter(p, "response");
        pend("response", response, at);
        readFields(p, chunkKeys.next(p));
        diag.endChunk();
    }

    /**
     * Reads the input's first root object as a chunk unless one of its fields makes it a recording
     * ({@code request}, {@code test_id}, or a {@code response} holding {@code body} or
     * {@code is_streaming}) before a field tells a format: then {@link RecordingAfterAll} hands it
     * back to the container, the parser on that field's name (or on the response's first key).
     */
    void readRootObject(JsonParser p) throws IOException {
        mayBeRecording = true;
        try {
            read(p);
        } finally {
            mayBeRecording = false;
        }
    }

    /** Whether a chunk has told the stream's format. */
    boolean formatKnown() {
        return folder != null;
    }

    /** Whether a chunk's read may be cut short and done again: the format is known, and folds at the chunk's end. */
    boolean readsUndoably() {
        return folder != null && folder.foldsAtEnd();
    }

    /** The stream is a whole non-streaming response. */
    void wholeResponse() {
        assembly.wholeResponse();
    }

    private void readFields(JsonParser p, String first) throws IOException {
        if (folder == null && assembly.format() != null) {
            settle(WireFormats.of(assembly.format())); // a format given by the caller
        }
        if (folder != null) {
            folder.beginChunk();
            replayPending();
        }
        for (String name = first; name != null; name = chunkKeys.next(p)) {
            if (mayBeRecording && folder == null && Recording.KEYS.contains(name) && recordingField(p, name)) {
                continue;
            }
            JsonToken value = p.nextToken();
            if (folder != null) {
                if (!folder.field(p, name)) {
                    unclaimed(p, name);
                }
                continue;
            }
            String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
            WireFormat told = WireFormats.telling(name, text, WireFormat.YES);
            if (told == null) {
                if (maybe == null) {
                    maybe = WireFormats.telling(name, text);
                }
                pend(name, JsonValues.read(p), p.currentTokenLocation());
                continue;
            }
            settle(told);
            folder.beginChunk();
            replayPending();
            if (!folder.field(p, name)) {
                unclaimed(p, name);
            }
        }
        if (folder == null && maybe != null) {
            settle(maybe); // only fields other formats may share, and no other format's
            folder.beginChunk();
            replayPending();
        }
        if (folder == null) {
            noFormat();
            return;
        }
        boolean folded = folder.endChunk();
        assembly.responses().chunkEnds();
        if (chunkError != null) {
            assembly.providerError(chunkError); // OpenRouter: an error beside a choice that finishes with "error"
        } else if (!folded && foreign != null) {
            assembly.format(foreign.formats().get(0)); // says which format was expected and which was found
        } else if (!folded) {
            diag.warn("unrecognized-chunk", "a chunk with none of the fields of " + assembly.format().wireName()
                    + " was skipped" + (unknownKeys.length() == 0 ? "" : " (keys the format does not have: " + unknownKeys
                    + "; a misspelt one is a damaged recording)"));
        }
    }

    /**
     * A recording's key in the first root object: hands the object back as a recording, except a
     * {@code response} that is a Responses event's, which is kept as the field's value (true).
     */
    private boolean recordingField(JsonParser p, String name) throws IOException {
        if (!name.equals("response")) {
            diag.endChunk();
            throw new RecordingAfterAll(false);
        }
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            JsonToken inner = p.nextToken();
            if (inner == JsonToken.FIELD_NAME && Recording.isResponseKey(p.currentName())) {
                diag.endChunk();
                throw new RecordingAfterAll(true);
            }
            JsonLocation at = p.currentTokenLocation();
            pend(name, JsonValues.readFields(p), at);
        } else {
            pend(name, JsonValues.read(p), p.currentTokenLocation());
        }
        return true;
    }

    private void settle(WireFormat told) {
        wire = told;
        folder = told.folder(assembly);
        assembly.format(told.formats().get(0));
    }

    /**
     * A field the stream's format does not have: an {@code error} is the provider's; any other is
     * skipped, and noted when it tells another format (a chunk with nothing else is then an error).
     */
    private void unclaimed(JsonParser p, String name) throws IOException {
        if (unknownKeys.length() < UNKNOWN_KEYS_CHARS) {
            unknownKeys.append(unknownKeys.length() == 0 ? "" : ", ").append(name);
        }
        if ("error".equals(name)) {
            chunkError = JsonValues.read(p);
            return;
        }
        if (foreign == null && WireFormats.mayTell(name)) {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            WireFormat other = WireFormats.telling(name, text);
            if (other != null && other != wire) {
                foreign = other;
            }
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Fields read before the format was known
     * ------------------------------------------------------------------------------------- */

    private void pend(String name, Object value, JsonLocation at) {
        pendingNames.add(name);
        pendingValues.add(value);
        pendingPlaces.add(at);
    }

    /** A chunk begins: nothing of the last one's reading is left. */
    private void begin() {
        assembly.responses().chunkBegins();
        clearPending();
        chunkError = null;
        foreign = null;
        unknownKeys.setLength(0);
        maybe = null;
    }

    private void clearPending() {
        if (!pendingNames.isEmpty()) {
            pendingNames.clear();
            pendingValues.clear();
            pendingPlaces.clear();
        }
    }

    /** Hands the kept fields to the folder, through a parser over them; errors name where each was. */
    private void replayPending() throws IOException {
        if (pendingNames.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = REPLAY.createGenerator(bytes)) {
            g.writeStartObject();
            for (int i = 0; i < pendingNames.size(); i++) {
                g.writeFieldName(pendingNames.get(i));
                JsonValues.write(g, pendingValues.get(i));
            }
            g.writeEndObject();
        }
        try (JsonParser replay = REPLAY.createParser(bytes.toByteArray())) {
            replay.nextToken();
            JsonStreamContext root = replay.getParsingContext();
            int i = 0;
            for (String name = replay.nextFieldName(); name != null; name = replay.nextFieldName(), i++) {
                replay.nextToken();
                diag.replaying(replay, root, pendingPlaces.get(i));
                if (!folder.field(replay, name)) {
                    unclaimed(replay, name);
                }
                if (replay.currentToken() == JsonToken.START_OBJECT || replay.currentToken() == JsonToken.START_ARRAY) {
                    replay.skipChildren();
                }
            }
        } finally {
            diag.endReplay();
        }
        clearPending();
    }

    /** Cohere's v1 chat events look like a stream of some format: say which, and what is read instead. */
    private String cohereV1Hint() {
        int type = pendingNames.indexOf("event_type");
        return type >= 0 && pendingNames.contains("is_finished")
                ? "; it looks like Cohere's v1 chat stream (event_type '" + pendingValues.get(type) + "'), which is not"
                        + " read: record Cohere's v2 chat stream (POST /v2/chat, format cohere.chat) instead"
                : "";
    }

    /** No field told a format: a provider's error, or not a stream. */
    private void noFormat() {
        int error = pendingNames.indexOf("error");
        int type = pendingNames.indexOf("type");
        if (error >= 0 || (type >= 0 && "error".equals(pendingValues.get(type)))) {
            int message = pendingNames.indexOf("message");
            assembly.providerError(error >= 0 ? pendingValues.get(error) : message >= 0 ? pendingValues.get(message) : null);
            clearPending();
            return;
        }
        List<String> keys = pendingNames.size() > KEYS_NAMED ? pendingNames.subList(0, KEYS_NAMED) : pendingNames;
        String named = (keys.isEmpty() ? "none" : String.join(", ", keys)) + cohereV1Hint();
        throw new NotAStreamException(diag.chunk() == 1
                ? "JSON that is not a recording: its first object has none of the fields of a known chunk (keys: " + named + ")"
                : "chunk " + diag.chunk() + " has none of the fields of a known streaming format (keys: " + named + ")");
    }
}
