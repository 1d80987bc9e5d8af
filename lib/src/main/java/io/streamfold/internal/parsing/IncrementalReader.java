package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.base.ParserBase;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.Diagnostics;
import java.io.IOException;
import java.util.Arrays;

/**
 * Folds a stream as its bytes arrive. Jackson's non-blocking parser follows the container
 * (a recording, an array, a sequence of objects, or SSE text through an {@link SseFilter}) and
 * marks where each chunk starts and ends; the bytes of one chunk wait in a window, and each
 * complete chunk is read by the same {@link Containers} and {@link ChunkReader} as
 * {@code assemble}. Memory is the folded output plus one chunk, whatever the stream's length.
 */
public final class IncrementalReader {

    private static final int DETECT_LIMIT = 8192;

    private enum Mode { START, FIRST_KEY, RESPONSE_VALUE, RESPONSE_FIRST_KEY, RECORDING, ARRAY, AFTER_ARRAY, SEQUENCE }

    private final AssemblerOptions options;
    private final Diagnostics diag;
    private final Assembly assembly;
    private final Containers containers;
    private final JsonFactory factory;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    /** Reads the framed chunks, one after another, from {@link #chunkFeed}: one parser for the whole stream. */
    private JsonParser chunkParser;
    private final ChunkFeed chunkFeed = new ChunkFeed();

    // Until the first bytes tell SSE from JSON
    private byte[] head = new byte[256];
    private int headLength;
    private InputKind kind;
    private SseFilter sse;

    // Bytes fed but not yet discarded: from the start of the chunk being framed, at most
    private byte[] window = new byte[16 * 1024];
    private int windowLength;
    private int fedUpTo;
    private long windowStart;

    // Framing
    private Mode mode = Mode.START;
    private int depth;
    private long keepFrom = -1;
    private long keepLine;
    private long keepColumn;
    private int captureDepth = -1;
    private long captureStart;
    private long captureLine;
    private long captureColumn;
    private Containers.Recording recording;
    private boolean inResponse;
    private boolean inBody;
    private boolean skipBody;

    private boolean failed;
    private boolean finished;

    public IncrementalReader(AssemblerOptions options) {
        this.options = options;
        this.diag = new Diagnostics(options.source(), options.lenient());
        this.assembly = new Assembly(diag, options.listener(), options.format());
        this.factory = Parsers.factory(options);
        this.containers = new Containers(new ChunkReader(assembly), diag, factory);
        try {
            this.parser = factory.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /* ---------------------------------------------------------------------------------------
     * Input
     * ------------------------------------------------------------------------------------- */

    public void feed(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("Already finished, can not feed more input");
        }
        if (failed || length == 0) {
            return; // lenient mode stopped at a fault: the rest is not read
        }
        if (kind == null) {
            detect(bytes, offset, length, false);
        } else {
            push(bytes, offset, length);
        }
    }

    public Completion snapshot() {
        return assembly.snapshot(false);
    }

    public Completion finish() {
        if (finished) {
            throw new IllegalStateException("Already finished");
        }
        finished = true;
        if (!failed) {
            guard(this::endOfInput);
        }
        Completion completion = assembly.snapshot(true);
        if (options.listener() != null) {
            options.listener().onFinished(completion);
        }
        return completion;
    }

    private void detect(byte[] bytes, int offset, int length, boolean atEnd) {
        if (headLength + length > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + length));
        }
        System.arraycopy(bytes, offset, head, headLength, length);
        headLength += length;
        InputKind detected = InputKind.of(head, 0, headLength);
        int firstNonBlank = 0;
        while (firstNonBlank < headLength && (head[firstNonBlank] == ' ' || head[firstNonBlank] == '\n'
                || head[firstNonBlank] == '\r' || head[firstNonBlank] == '\t' || (head[firstNonBlank] & 0x80) != 0)) {
            firstNonBlank++;
        }
        boolean decided = detected != InputKind.EMPTY && headLength - firstNonBlank >= 8;
        if (!decided && !atEnd && headLength < DETECT_LIMIT) {
            return;
        }
        kind = detected == InputKind.EMPTY && headLength >= DETECT_LIMIT ? InputKind.JSON : detected;
        if (kind == InputKind.SSE) {
            sse = new SseFilter();
        }
        if (sse == null && headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF) {
            head[0] = head[1] = head[2] = ' '; // a byte order mark: blanks keep every offset where it was
        }
        byte[] start = head;
        int startLength = headLength;
        head = null;
        if (kind == InputKind.HTML) {
            guard(() -> {
                throw diag.malformed("Expected a recording or a stream but found HTML or XML (an error page?)");
            });
            return;
        }
        if (kind != InputKind.EMPTY) {
            push(start, 0, startLength);
        }
    }

    private void push(byte[] bytes, int offset, int length) {
        if (sse != null) {
            sse.write(bytes, offset, length, windowSink);
        } else {
            append(bytes, offset, length);
        }
        guard(this::drain);
    }

    private void append(byte b) {
        if (windowLength == window.length) {
            ensureRoom(1);
        }
        window[windowLength++] = b;
    }

    private void append(byte[] bytes, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(bytes, offset, window, windowLength, length);
        windowLength += length;
    }

    private final SseFilter.Sink windowSink = new SseFilter.Sink() {
        @Override
        public void write(byte b) {
            append(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            append(bytes, offset, length);
        }

        @Override
        public void fill(byte b, int count) {
            ensureRoom(count);
            Arrays.fill(window, windowLength, windowLength + count, b);
            windowLength += count;
        }
    };

    private void ensureRoom(int more) {
        if (windowLength + more > window.length) {
            window = Arrays.copyOf(window, Math.max(window.length * 2, windowLength + more));
        }
    }

    /** Feeds the parser what was appended, frames what it can, and forgets what no chunk needs. */
    private void drain() throws IOException {
        if (fedUpTo < windowLength) {
            feeder.feedInput(window, fedUpTo, windowLength);
            fedUpTo = windowLength;
        }
        drainTokens();
    }

    private void drainTokens() throws IOException {
        diag.useParser(parser, 1, 1, 0);
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.NOT_AVAILABLE && t != null) {
            token(t);
        }
        compact();
    }

    private void compact() {
        long retainFrom = captureDepth >= 0 ? captureStart : keepFrom >= 0 ? keepFrom : windowStart + windowLength;
        int drop = (int) (retainFrom - windowStart);
        if (drop <= 0) {
            return;
        }
        System.arraycopy(window, drop, window, 0, windowLength - drop);
        windowLength -= drop;
        fedUpTo -= drop;
        windowStart += drop;
    }

    private void endOfInput() throws IOException {
        if (kind == null) {
            detect(new byte[0], 0, 0, true);
            if (failed) {
                return;
            }
        }
        if (kind == InputKind.EMPTY) {
            throw diag.malformed("Expected a recording or a stream but found an empty input");
        }
        if (sse != null) {
            sse.finish(windowSink);
            drain();
        }
        if (captureDepth >= 0) {
            readCaptureToEnd(); // cut inside a chunk: read what there is as assemble would, up to its located end
        }
        feeder.endOfInput();
        drainTokens();
        if (mode == Mode.START) {
            if (sse != null && sse.dataLines() == 0) {
                throw new NotAStreamException("the SSE text has no data: lines");
            }
            if (sse == null) {
                throw diag.malformed("Expected a recording or a stream but found an empty input");
            }
        }
        if (mode == Mode.RECORDING) {
            recording.conclude();
        }
    }

    /** Runs a step under the error policy: strict throws, lenient lists the fault and stops reading. */
    private void guard(Step step) {
        try {
            step.run();
        } catch (JsonProcessingException e) {
            fail(insideChunk(e));
        } catch (NotAStreamException e) {
            failed = true;
            throw new AssemblyException(new Problem(Problem.Kind.NOT_A_STREAM, "Not a stream: " + e.getMessage(),
                    diag.source(), diag.chunk(), -1, -1, -1, null), null);
        } catch (AssemblyException e) {
            fail(e);
        } catch (IOException e) {
            fail(diag.io(e));
        } catch (RuntimeException | StackOverflowError e) {
            fail(diag.internal(e));
        }
    }

    /**
     * A fault the framing parser met inside a chunk (bad JSON, bad UTF-8, a limit): the chunk parser
     * reads that chunk up to the same fault, so the error names the chunk and its JSON path exactly
     * as {@code assemble} does, and lenient mode keeps the same prefix.
     */
    private AssemblyException insideChunk(JsonProcessingException framing) {
        if (captureDepth >= 0 && !readingChunk) {
            try {
                readCaptureToEnd();
            } catch (AssemblyException located) {
                return located;
            } catch (JsonProcessingException inChunk) {
                return diag.fromJackson(inChunk); // diagnostics stand in the chunk now: its number and path
            } catch (IOException | RuntimeException e) {
                // the framing parser's own error below
            }
            diag.useParser(parser, 1, 1, 0); // the re-read moved diagnostics to the chunk parser's origin
        }
        return diag.fromJackson(framing);
    }

    /** Reads the chunk being captured, as far as the window holds it, with no chunk after it. */
    private void readCaptureToEnd() throws IOException {
        int from = (int) (captureStart - windowStart);
        chunkFeed.end();
        readChunk(from, windowLength - from, captureLine, captureColumn, captureStart);
    }

    /** True while the chunk parser reads a framed chunk: its faults are already the located ones. */
    private boolean readingChunk;

    private void fail(AssemblyException e) {
        failed = true;
        if (!diag.lenient() || e.kind() == Problem.Kind.NOT_A_STREAM) {
            throw e;
        }
        diag.addProblem(e.problem());
    }

    private interface Step {
        void run() throws IOException;
    }

    /* ---------------------------------------------------------------------------------------
     * Framing
     * ------------------------------------------------------------------------------------- */

    private void token(JsonToken t) throws IOException {
        int before = depth;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            depth--;
        }
        if (captureDepth >= 0) {
            if (t == JsonToken.END_OBJECT && depth == captureDepth - 1) {
                chunkComplete();
            }
            return;
        }
        switch (mode) {
            case START:
                if (t == JsonToken.START_OBJECT) {
                    keepFrom = openingBrace();
                    keepLine = ((ParserBase) parser).getTokenLineNr();
                    keepColumn = ((ParserBase) parser).getTokenColumnNr() - 1; // the getter counts one past
                    mode = Mode.FIRST_KEY;
                } else if (t == JsonToken.START_ARRAY) {
                    mode = Mode.ARRAY;
                } else {
                    throw new NotAStreamException("the input is " + Diagnostics.describe(parser) + ", not a recording or a stream");
                }
                break;
            case FIRST_KEY:
                if (t == JsonToken.END_OBJECT) {
                    throw new NotAStreamException("the input is an empty JSON object, not a recording or a stream");
                }
                String first = parser.currentName();
                if (first.equals("response")) {
                    mode = Mode.RESPONSE_VALUE;
                } else if (Containers.RECORDING_KEYS.contains(first)) {
                    startRecording();
                } else {
                    captureFromKept(); // the root object is the first chunk of a sequence
                }
                break;
            case RESPONSE_VALUE:
                if (t == JsonToken.START_OBJECT) {
                    mode = Mode.RESPONSE_FIRST_KEY;
                } else {
                    throw diag.expected("an object", "response");
                }
                break;
            case RESPONSE_FIRST_KEY:
                if (t == JsonToken.END_OBJECT || Containers.isRecordingResponseKey(parser.currentName())) {
                    startRecording();
                    recording.sawResponse = true;
                    inResponse = true;
                    if (t == JsonToken.END_OBJECT) {
                        inResponse = false;
                    }
                } else {
                    // {"response": {"id": ...}, "type": "response.created"}: a Responses event, not a recording.
                    captureFromKept();
                    captureDepth = 1;
                }
                break;
            case RECORDING:
                recordingToken(t, before);
                break;
            case ARRAY:
                if (t == JsonToken.END_ARRAY && depth == 0) {
                    mode = Mode.AFTER_ARRAY;
                } else {
                    item(t, before == 1);
                }
                break;
            case AFTER_ARRAY:
                throw diag.malformed("Expected the input to end after the array of chunks but found " + Diagnostics.describe(parser));
            case SEQUENCE:
                if (t == JsonToken.START_OBJECT && before == 0) {
                    startCapture(1);
                } else {
                    diag.beginChunk();
                    throw diag.expected("a chunk object", "a line of the stream");
                }
                break;
            default:
                throw new IllegalStateException(mode.toString());
        }
    }

    private void startRecording() {
        mode = Mode.RECORDING;
        recording = new Containers.Recording();
        keepFrom = -1;
    }

    private void captureFromKept() {
        mode = Mode.SEQUENCE;
        captureStart = keepFrom;
        captureLine = keepLine;
        captureColumn = keepColumn;
        captureDepth = 1;
        keepFrom = -1;
    }

    /**
     * Where the brace of the current START_OBJECT token sits. The non-blocking parser's token
     * offset is one past it, so the bytes decide (a chunk's brace never follows another brace);
     * the getter allocates nothing, unlike a JsonLocation per chunk.
     */
    private long openingBrace() {
        long offset = ((ParserBase) parser).getTokenCharacterOffset();
        for (long at = offset - 1; at <= offset; at++) {
            long index = at - windowStart;
            if (index >= 0 && index < windowLength && window[(int) index] == '{') {
                return at;
            }
        }
        return parser.currentLocation().getByteOffset() - 1; // not in the window: ask the slow way
    }

    private void startCapture(int objectDepth) {
        captureStart = openingBrace();
        captureLine = ((ParserBase) parser).getTokenLineNr();
        captureColumn = ((ParserBase) parser).getTokenColumnNr() - 1; // the getter counts one past
        captureDepth = objectDepth;
    }

    /** A token inside a recording: root object (1), response (2), body array (3), items (4). */
    private void recordingToken(JsonToken t, int before) throws IOException {
        if (inBody) {
            if (t == JsonToken.END_ARRAY && depth == 2) {
                inBody = false;
            } else if (!skipBody) {
                item(t, before == 3);
            }
            return;
        }
        if (!inResponse) {
            if (t == JsonToken.START_OBJECT && before == 1 && "response".equals(parser.currentName())) {
                inResponse = true;
                recording.sawResponse = true;
            } else if (before == 1 && "response".equals(parser.currentName()) && t.isScalarValue()) {
                throw diag.expected("an object", "response");
            }
            return;
        }
        if (depth == 1 && t == JsonToken.END_OBJECT) {
            inResponse = false;
            return;
        }
        if (before != 2 || t == JsonToken.FIELD_NAME) {
            return;
        }
        String name = parser.currentName();
        if ("is_streaming".equals(name)) {
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                recording.streaming = t == JsonToken.VALUE_TRUE;
            }
        } else if ("body".equals(name)) {
            recording.sawBody = true;
            skipBody = Boolean.FALSE.equals(recording.streaming);
            switch (t) {
                case START_ARRAY:
                    inBody = true;
                    break;
                case START_OBJECT:
                case VALUE_NULL:
                    recording.bodyNotAList(diag.expected("a list of chunks", "response.body"), t == JsonToken.START_OBJECT);
                    break;
                case VALUE_STRING:
                    if (!skipBody) {
                        containers.readEmbeddedText(parser);
                    }
                    break;
                default:
                    throw diag.expected("a list of chunks", "response.body");
            }
        }
    }

    /** A token of an array of items: a chunk object starts, an SSE line string is read. */
    private void item(JsonToken t, boolean atItemLevel) throws IOException {
        if (!atItemLevel) {
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            startCapture(depth);
        } else if (t == JsonToken.VALUE_STRING) {
            deferrable(() -> containers.readSseLine(parser));
            diag.useParser(parser, 1, 1, 0);
        } else if (t != JsonToken.END_ARRAY) {
            diag.beginChunk();
            throw diag.expected("a chunk object or an SSE line", "a body item");
        }
    }

    /** The chunk's closing brace arrived: read the chunk from the window. */
    private void chunkComplete() throws IOException {
        long end = parser.currentLocation().getByteOffset(); // exact after the brace; adjacent braces fool the token offset
        int from = (int) (captureStart - windowStart);
        int length = (int) (end - captureStart);
        captureDepth = -1;
        readChunk(from, length, captureLine, captureColumn, captureStart);
        diag.useParser(parser, 1, 1, 0);
    }

    /** Reads a framed chunk with the long-lived chunk parser, locating its errors in the input. */
    private void readChunk(int from, int length, long line, long column, long start) throws IOException {
        chunkFeed.set(window, from, length);
        if (chunkParser == null) {
            chunkFeed.bootstrapping(true);
            chunkParser = factory.createParser(chunkFeed);
            chunkFeed.bootstrapping(false);
        }
        readingChunk = true; // stays set when the chunk parser fails: that fault is already located, and reading stops
        deferrable(() -> containers.readFramedChunk(chunkParser, line, column, start));
        readingChunk = false;
    }

    /**
     * In a recording whose {@code is_streaming} has not come yet, a body that is not a stream
     * waits for it: its fault is kept and the rest of the body skipped, as in {@code assemble}.
     */
    private void deferrable(Step step) throws IOException {
        if (mode != Mode.RECORDING || recording.streaming != null) {
            step.run();
            return;
        }
        try {
            step.run();
        } catch (AssemblyException | NotAStreamException e) {
            if (e instanceof AssemblyException ae && ae.kind() != Problem.Kind.UNEXPECTED) {
                throw e;
            }
            recording.deferred = e;
            skipBody = true;
        }
    }
}
