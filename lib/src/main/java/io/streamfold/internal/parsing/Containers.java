package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.AssemblyException;
import io.streamfold.Problem;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.ProblemWording;
import java.io.IOException;

/**
 * The grammar of every container recorders store streams in, written once: a llama-stack
 * recording ({@code response.body} of typed envelopes, plain chunks, SSE lines, or one string of
 * SSE text or JSON Lines), a bare array of chunks, and a sequence of chunk objects (JSON Lines, or
 * SSE text through an {@link SseFilter}). Each chunk goes to {@link ChunkItems}.
 *
 * <p>A state machine over one blocking parser: each {@link #step} reads one container token, or one
 * whole item, and {@link #need} says beforehand how much of the input that step reads. The batch
 * reader steps until {@link #done}; the incremental reader steps only when its {@link Framer} has
 * seen that much of the input, so both read the same bytes with the same parser and rules, and
 * meet every fault at the same token.
 */
final class Containers {

    /** How much of the input the next step reads, past the last token read. */
    enum Need {
        /** The next token (a field name with the first token of its value, a string whole). */
        TOKEN,
        /** The next token, and if it opens an object or array, up to its end. */
        VALUE,
        /** Up to the end of the innermost {@link #closeLevels} open containers. */
        CLOSE
    }

    private enum State {
        START, ROOT_FIRST_KEY, ROOT_CHUNK, RESPONSE_PEEK, RESPONSE_FIRST_KEY, RESPONSE_EVENT,
        RECORDING_KEY, RECORDING_VALUE, RESPONSE_KEY, RESPONSE_VALUE, SKIP, BODY, BODY_SKIP, BODY_OBJECT, SEQUENCE, END,
        DONE
    }

    private final ChunkItems items;
    private final Diagnostics diag;
    /** Raw SSE: at its end, text with no data line is no stream. Null for JSON. */
    private final SseFilter sse;

    private State state;
    private String field;
    private Recording recording;
    /** Where a body array, or the array of chunks, lives; and what ends it. */
    private JsonStreamContext bodyContext;
    private boolean bodyIsTop;
    private boolean bodyDeferrable;
    private State afterSkip;
    private String endOf;

    private Containers(ChunkItems items, SseFilter sse, State start) {
        this.items = items;
        this.diag = items.diag();
        this.sse = sse;
        this.state = start;
    }

    /** A JSON input: a recording, a bare array, or a sequence of chunk objects. */
    static Containers json(ChunkItems items) {
        return new Containers(items, null, State.START);
    }

    /** A sequence of chunk objects: SSE text filtered to its payloads ({@code sse}), or JSON Lines (null). */
    static Containers sequence(ChunkItems items, SseFilter sse) {
        return new Containers(items, sse, State.SEQUENCE);
    }

    /** Whether the next step reads one root-level item of a sequence, which may be undone if the format allows. */
    boolean undoableStep() {
        return state == State.SEQUENCE && items.readsUndoably();
    }

    boolean done() {
        return state == State.DONE;
    }

    Need need() {
        switch (state) {
            case ROOT_CHUNK:
            case RESPONSE_EVENT:
            case SKIP:
            case BODY_SKIP:
            case BODY_OBJECT:
                return Need.CLOSE;
            case BODY:
            case SEQUENCE:
                return Need.VALUE;
            case RECORDING_VALUE:
                return field.equals("response") ? Need.TOKEN : Need.VALUE;
            case RESPONSE_VALUE:
                return field.equals("body") ? Need.TOKEN : Need.VALUE;
            default:
                return Need.TOKEN;
        }
    }

    /** For {@link Need#CLOSE}: how many open containers the step reads to the end of. */
    int closeLevels() {
        return state == State.RESPONSE_EVENT ? 2 : 1;
    }

    /** Reads the whole input (a parser over complete input). */
    void readAll(JsonParser p) throws IOException {
        while (state != State.DONE) {
            step(p);
        }
    }

    void step(JsonParser p) throws IOException {
        switch (state) {
            case START -> start(p);
            case ROOT_FIRST_KEY -> rootFirstKey(p);
            case ROOT_CHUNK -> rootChunk(p);
            case RESPONSE_PEEK -> {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw diag.expected("an object", "response");
                }
                state = State.RESPONSE_FIRST_KEY;
            }
            case RESPONSE_FIRST_KEY -> responseFirstKey(p);
            case RESPONSE_EVENT -> {
                // {"response": {"id": ...}, "type": "response.created"}: a Responses event, not a recording.
                diag.beginChunk();
                items.readEventStartingWithResponse(p);
                state = State.SEQUENCE;
            }
            case RECORDING_KEY -> {
                JsonToken t = p.nextToken();
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    state = State.RECORDING_VALUE;
                } else {
                    end("the recording");
                }
            }
            case RECORDING_VALUE -> recordingValue(p);
            case RESPONSE_KEY -> {
                if (p.nextToken() == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    state = State.RESPONSE_VALUE;
                } else {
                    state = State.RECORDING_KEY;
                }
            }
            case RESPONSE_VALUE -> responseValue(p);
            case SKIP -> {
                p.skipChildren();
                state = afterSkip;
            }
            case BODY -> bodyItem(p);
            case BODY_OBJECT -> bodyObject(p);
            case BODY_SKIP -> {
                ChunkItems.skipOut(p, bodyContext.getParent());
                state = State.RESPONSE_KEY;
            }
            case SEQUENCE -> sequenceItem(p);
            case END -> {
                if (p.nextToken() != null) {
                    throw diag.malformed("Expected the input to end after " + endOf + " but found " + ProblemWording.describe(p));
                }
                state = State.DONE;
                if (recording != null) {
                    recording.conclude(diag);
                } else {
                    items.concludeUntold();
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void start(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw diag.malformed("Expected a recording or a stream but found an empty input");
        }
        if (t == JsonToken.START_ARRAY) {
            enterBody(p, true, false);
        } else if (t != JsonToken.START_OBJECT) {
            throw new NotAStreamException("the input is " + ProblemWording.describe(p) + ", not a recording or a stream");
        } else {
            state = State.ROOT_FIRST_KEY;
        }
    }

    private void rootFirstKey(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.END_OBJECT) {
            throw new NotAStreamException("the input is an empty JSON object, not a recording or a stream");
        }
        String first = p.currentName();
        if (!Recording.KEYS.contains(first)) {
            state = State.ROOT_CHUNK;
        } else if (first.equals("response")) {
            state = State.RESPONSE_PEEK; // a recording's response, or a Responses event that starts with one
        } else {
            recording = new Recording();
            field = first;
            state = State.RECORDING_VALUE;
        }
    }

    /** The first root object, whose first key is no recording's: a chunk, or a recording told by a later key. */
    private void rootChunk(JsonParser p) throws IOException {
        diag.beginChunk();
        state = State.SEQUENCE;
        try {
            items.readRootObject(p, p.getParsingContext().getParent());
        } catch (RecordingAfterAll r) {
            diag.uncountChunk();
            recording = new Recording();
            field = p.currentName();
            recording.sawResponse = r.insideResponse;
            state = r.insideResponse ? State.RESPONSE_VALUE : State.RECORDING_VALUE;
        }
    }

    private void responseFirstKey(JsonParser p) throws IOException {
        JsonToken inner = p.nextToken();
        if (inner == JsonToken.FIELD_NAME && !Recording.isResponseKey(p.currentName())) {
            state = State.RESPONSE_EVENT;
            return;
        }
        recording = new Recording();
        recording.sawResponse = true;
        if (inner == JsonToken.FIELD_NAME) {
            field = p.currentName();
            state = State.RESPONSE_VALUE;
        } else {
            state = State.RECORDING_KEY;
        }
    }

    private void recordingValue(JsonParser p) throws IOException {
        JsonToken v = p.nextToken();
        if (field.equals("response")) {
            if (v != JsonToken.START_OBJECT) {
                throw diag.expected("an object", "response");
            }
            recording.sawResponse = true;
            state = State.RESPONSE_KEY;
        } else {
            p.skipChildren();
            state = State.RECORDING_KEY;
        }
    }

    private void responseValue(JsonParser p) throws IOException {
        JsonToken v = p.nextToken();
        state = State.RESPONSE_KEY;
        if (field.equals("is_streaming")) {
            if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                recording.streaming = v == JsonToken.VALUE_TRUE;
            }
            p.skipChildren(); // any other value is no answer, and is passed over whole
        } else if (field.equals("body")) {
            recordedBody(p, v);
        } else {
            p.skipChildren();
        }
    }

    private void recordedBody(JsonParser p, JsonToken v) throws IOException {
        Recording r = recording;
        r.sawBody = true;
        r.bodyKey = true;
        if (Boolean.FALSE.equals(r.streaming)) {
            if (v == JsonToken.START_OBJECT) {
                state = State.BODY_OBJECT;
            } else {
                skipCurrent(v);
            }
            return;
        }
        switch (v) {
            case START_ARRAY:
                // is_streaming may follow the body: a fault in a list that is not a stream waits for it.
                enterBody(p, false, r.streaming == null);
                break;
            case START_OBJECT:
                // A streaming recording's body is a list: an object is a fault if it says it streamed.
                r.bodyNotAList(diag.expected("a list of chunks", "response.body"), true);
                state = State.BODY_OBJECT;
                break;
            case VALUE_NULL:
                r.bodyNotAList(diag.expected("a list of chunks", "response.body"), false);
                break;
            case VALUE_STRING:
                items.readEmbeddedText(p);
                break;
            default:
                throw diag.expected("a list of chunks", "response.body");
        }
    }

    /**
     * A non-streaming recording's response, one object: folded as the one chunk it is. When
     * is_streaming has not come yet, an object that is no response waits for it, as a list does.
     */
    private void bodyObject(JsonParser p) throws IOException {
        state = State.RESPONSE_KEY;
        JsonStreamContext response = p.getParsingContext().getParent();
        diag.beginChunk();
        try {
            items.readLeniently(p, response, false, ChunkItems.Untold.NO_STREAM);
            recording.bodyFolded = true;
            items.wholeResponse();
        } catch (NotAStreamException e) {
            if (recording.streaming != null) {
                throw e;
            }
            recording.deferred = e;
            ChunkItems.skipOut(p, response);
        }
    }

    /** Passes over the value the parser stands on: at once if scalar, else in the next step. */
    private void skipCurrent(JsonToken v) {
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            afterSkip = state;
            state = State.SKIP;
        }
    }

    private void enterBody(JsonParser p, boolean top, boolean deferrable) {
        bodyContext = p.getParsingContext();
        bodyIsTop = top;
        bodyDeferrable = deferrable;
        state = State.BODY;
    }

    /** One item of a body array, or of the bare array of chunks. */
    private void bodyItem(JsonParser p) throws IOException {
        if (!bodyDeferrable) {
            readBodyItem(p);
            return;
        }
        try {
            readBodyItem(p);
        } catch (AssemblyException | NotAStreamException e) {
            if (e instanceof AssemblyException ae && ae.kind() != Problem.Kind.UNEXPECTED) {
                throw e;
            }
            recording.deferred = e;
            state = State.BODY_SKIP;
        }
    }

    private void readBodyItem(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            diag.beginChunk();
            items.readLeniently(p, bodyContext, false, bodyIsTop ? ChunkItems.Untold.DEFERRED : ChunkItems.Untold.FAULT);
        } else if (t == JsonToken.VALUE_STRING) {
            items.readSseLine(p);
        } else if (t == JsonToken.END_ARRAY) {
            if (bodyIsTop) {
                end("the array of chunks");
            } else {
                state = State.RESPONSE_KEY;
            }
        } else if (t == null) {
            throw diag.malformed("Expected the end of the list of chunks but found the end of the input");
        } else {
            diag.beginChunk();
            throw diag.expected("a chunk object or an SSE line", "a body item");
        }
    }

    /** Root-level chunk objects one after another (JSON Lines, filtered SSE), until the input ends. */
    private void sequenceItem(JsonParser p) throws IOException {
        JsonToken t = ChunkItems.nextItem(p, diag);
        if (t == null) {
            state = State.DONE;
            if (sse != null && sse.dataLines() == 0) {
                throw new NotAStreamException("the SSE text has no data: lines");
            }
            items.concludeUntold();
            return;
        }
        diag.beginChunk();
        if (t != JsonToken.START_OBJECT) {
            throw diag.expected("a chunk object", "a line of the stream");
        }
        items.readLeniently(p, p.getParsingContext().getParent(), false,
                sse != null ? ChunkItems.Untold.FAULT : ChunkItems.Untold.DEFERRED);
    }

    private void end(String what) {
        endOf = what;
        state = State.END;
    }
}
