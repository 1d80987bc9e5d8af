package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import io.streamfold.AssemblerOptions;
import io.streamfold.Completion;
import io.streamfold.Source;
import io.streamfold.internal.capture.Captures;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Folds a stream as its bytes arrive, with the very reader {@code assemble} uses: one blocking
 * parser, stepped through the {@link Containers} grammar, reads the bytes from an
 * {@link InputWindow}. A step runs only when the {@link Framer} has seen every byte it reads, so
 * the parser never waits; the rest waits for the next bytes. A root-level event of a format that
 * folds at the chunk's end runs unframed up to the last line break, and is undone and framed if it
 * reads past it ({@link #unframedStep}). Everything is read once by the parser
 * and scanned once by the framer, and the result, or the fault, is what {@code assemble} gives for
 * the same bytes. Memory is the folded output plus the item being framed.
 */
public final class IncrementalReader {

    private final AssemblerOptions options;
    private final Diagnostics diag;
    private final Assembly assembly;
    private final ChunkItems items;
    private final JsonFactory factory;
    private final Framer framer = new Framer();
    private final InputWindow window = new InputWindow();
    private Containers grammar;
    private JsonParser parser;
    private SseFilter sse;
    /** Decodes a binary event stream into the window, when the input is one. */
    private EventStreamDecoder eventStream;

    // Until the first bytes tell SSE from JSON
    private byte[] head = new byte[256];
    private int headLength;
    /** What the head told of a plain recording's source, once it showed the input is no container: the pipeline reads it. */
    private Source source;
    /** A container (a cassette, a HAR, gzip): a whole file, held as it arrives and read at the end, as assemble reads it. */
    private ByteArrayOutputStream captured;

    // The feed in progress, for arrive: one step object for every feed, not a lambda each
    private byte[] fed;
    private int fedOffset;
    private int fedLength;
    private final Faults.Step arrive = this::arrive;

    private boolean failed;
    private boolean ended;
    private boolean finished;

    // Steps without the framer (see unframedStep)
    /** Whether steps may run unframed: not for a byte order mark, UTF-16 or UTF-32. */
    private boolean undoable = true;
    /** The input position the parser began reading at, and its place as line and column there. */
    private long origin;
    private long baseLine = 1;
    private long baseColumn = 1;
    /** Where the next parser begins (a step is done again), or -1. */
    private long restartAt = -1;
    /** The listener's exception that stopped the fold: no more input is taken. */
    private RuntimeException stoppedBy;

    public IncrementalReader(AssemblerOptions options) {
        this.options = options;
        this.diag = new Diagnostics(options.source(), options.lenient());
        this.assembly = new Assembly(diag, ListenerGuard.of(options.listener()), options.format(), options.maxToolCalls());
        this.factory = Parsers.factory(options);
        this.items = new ChunkItems(new ChunkReader(assembly), diag, factory);
    }

    public void feed(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("Already finished, can not feed more input");
        }
        checkNotStopped();
        if (failed || length == 0) {
            return; // lenient mode stopped at a fault: the rest is not read
        }
        if (captured != null) {
            captured.write(bytes, offset, length);
            return;
        }
        fed = bytes;
        fedOffset = offset;
        fedLength = length;
        try {
            guarded(arrive);
        } finally {
            fed = null;
        }
    }

    /** Takes the bytes of the feed in progress, and steps as far as they go. */
    private void arrive() throws IOException {
        if (grammar == null) {
            detect(fed, fedOffset, fedLength);
        } else if (sse != null) {
            sse.write(fed, fedOffset, fedLength, window);
        } else if (eventStream != null) {
            eventStream.feed(fed, fedOffset, fedLength);
        } else {
            window.write(fed, fedOffset, fedLength);
        }
        if (grammar != null) {
            steps();
        }
    }

    public Completion snapshot() {
        return assembly.snapshot();
    }

    public Completion finish() {
        if (capturedWhole()) {
            return Captures.assemble(captured.toByteArray(), options, null);
        }
        Completion one = assembly.responses().one(folded(), Assembler.READ_ALL);
        return one.source() == null ? withSource(one) : one; // the very completion the listener heard finish
    }

    public List<Completion> finishAll() {
        if (capturedWhole()) {
            return Captures.assembleAll(captured.toByteArray(), options, null);
        }
        return folded();
    }

    /** Where the response was read from, as {@code assemble} names a plain recording (its head's test_id and request). */
    private Completion withSource(Completion c) {
        return source == null ? c : c.withSource(source);
    }

    private List<Completion> folded() {
        if (finished) {
            throw new IllegalStateException("Already finished");
        }
        checkNotStopped();
        finished = true;
        try {
            if (!failed) {
                guarded(this::endOfInput);
            }
        } finally {
            window.release(); // nothing reads it any more
        }
        List<Completion> all;
        try {
            all = assembly.responses().finishAll().stream().map(this::withSource).toList();
        } catch (ListenerFailure e) {
            throw stop(e);
        }
        if (options.listener() != null) {
            options.listener().onFinished(all.get(all.size() - 1));
        }
        return all;
    }

    private void checkNotStopped() {
        if (stoppedBy != null) {
            throw new IllegalStateException("The assembler stopped when its AssemblyListener threw " + stoppedBy
                    + "; it takes no more input", stoppedBy);
        }
    }

    /** Runs a step under the error policy of {@link Faults}; any fault stops the reading. */
    private void guarded(Faults.Step step) {
        try {
            if (!Faults.run(diag, step)) {
                failed = true;
            }
        } catch (ListenerFailure e) {
            failed = true;
            throw stop(e);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    private RuntimeException stop(ListenerFailure e) {
        stoppedBy = e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
        return e.unwrap();
    }

    /**
     * At the end: whether the input is a container (told now, if its head was too short to tell
     * before), which is then read whole, once, as {@code assemble} reads it.
     */
    private boolean capturedWhole() {
        if (captured == null && (source != null || !Boolean.TRUE.equals(isContainer(true)))) {
            return false;
        }
        if (finished) {
            throw new IllegalStateException("Already finished");
        }
        finished = true;
        return true;
    }

    /**
     * Whether the head shows a container, which is then captured whole (true); false once it shows
     * the pipeline's input, and null while it shows neither.
     */
    private Boolean isContainer(boolean end) {
        Captures.Head told = Captures.head(head, headLength, end, options);
        if (told == null) {
            return null;
        }
        if (told.container()) {
            captured = new ByteArrayOutputStream(Math.max(headLength, 8192));
            captured.write(head, 0, headLength);
            head = null;
        }
        source = told.source();
        return told.container();
    }

    /** Gathers the first bytes until they tell the input's kind, as {@code assemble} tells it. */
    private void detect(byte[] bytes, int offset, int length) throws IOException {
        if (headLength + length > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + length));
        }
        System.arraycopy(bytes, offset, head, headLength, length);
        headLength += length;
        if (source == null && isContainer(ended) != Boolean.FALSE) {
            return; // a container, captured from here on; or not told yet
        }
        InputKind kind = InputKind.decide(head, headLength, ended);
        if (kind == null) {
            return;
        }
        byte[] start = head;
        head = null;
        switch (kind) {
            case EMPTY:
            case HTML:
                throw kind.refusal(diag, start, headLength);
            case SSE:
                window.guard(new Utf8Guard(diag));
                sse = new SseFilter();
                grammar = Containers.sequence(items, sse);
                sse.write(start, 0, headLength, window);
                break;
            case EVENT_STREAM:
                // Each binary message decodes to one line of JSON in the window: JSON Lines from here on.
                window.guard(new Utf8Guard(diag)); // the payloads are JSON in UTF-8
                eventStream = new EventStreamDecoder(window.asOutputStream());
                grammar = Containers.json(items);
                framer.start(0);
                eventStream.feed(start, 0, headLength);
                break;
            default:
                grammar = Containers.json(items);
                boolean bom = headLength >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                        && (start[2] & 0xFF) == 0xBF;
                framer.start(bom ? 3 : 0); // the parser passes over a byte order mark too
                undoable = !bom;
                if (Utf8Guard.looksUtf8(start, 0, headLength)) {
                    window.guard(new Utf8Guard(diag));
                }
                window.write(start, 0, headLength);
                break;
        }
    }

    /** Steps the grammar as far as the bytes that have arrived hold whole steps. */
    private void steps() throws IOException {
        window.guardArrived();
        boolean unframed = !ended && undoable && grammar.undoableStep();
        long lines = unframed ? window.afterLastLineBreak(framer.retainFrom()) : -1;
        while (!grammar.done()) {
            if (lines >= 0 && unframedStep(lines)) {
                continue;
            }
            if (!ended && !framer.ready(grammar.need(), grammar.closeLevels(), window.bytes(), window.start(),
                    window.limit())) {
                break;
            }
            if (parser == null && !newParser()) {
                return;
            }
            grammar.step(parser);
            if (!ended) {
                framer.commit();
            }
        }
        window.compact(framer.retainFrom());
    }

    /** Makes the parser when the first step is ready, or the one a step done again reads with; false: not yet. */
    private boolean newParser() throws IOException {
        long from = 0;
        long line = 1;
        long column = 1;
        if (restartAt >= 0) {
            window.rewind(restartAt);
            from = restartAt;
            line = baseLine;
            column = baseColumn;
            restartAt = -1;
            parser = streamParser();
        } else if (!ended && !looksUtf8()) {
            undoable = false;
            return false; // UTF-16 or UTF-32: read through a decoder that reads ahead, so only whole
        } else if (ended && sse == null) {
            // All of it is here, nothing read yet: the very parser assemble makes of a byte array.
            parser = factory.createParser(window.bytes(), 0, (int) window.limit());
        } else {
            parser = streamParser();
        }
        diag.useParser(parser, line, column, from);
        origin = from;
        undoable &= parser instanceof ParserBase;
        return true;
    }

    /** A parser of the window; Jackson sniffs the encoding from the first 4 bytes, whatever has arrived. */
    private JsonParser streamParser() throws IOException {
        window.bootstrapping(true);
        try {
            return factory.createParser(window);
        } finally {
            window.bootstrapping(false);
        }
    }

    /**
     * Steps one root-level item without the framer, when the format allows it to be undone and it
     * begins before {@code lines} (the end of the last line that has arrived, where an item most
     * often ends): the parser may read up to there only. An item that runs past it is undone and
     * framed. False when no such step could run.
     */
    private boolean unframedStep(long lines) throws IOException {
        if (parser == null || !framer.idle() || !grammar.undoableStep() || parser.currentToken() != JsonToken.END_OBJECT
                || !parser.getParsingContext().inRoot()) {
            return false;
        }
        ParserBase p = (ParserBase) parser;
        // jackson-core (2.15 to 2.23) gives an END_OBJECT's offset and column as after its brace.
        long at = origin + p.getTokenCharacterOffset();
        framer.start(at);
        if (at >= lines || !window.holdsToken(at, lines)) {
            return false;
        }
        int chunk = diag.chunk();
        int problems = diag.problemCount();
        int responses = diag.responsesBegun();
        long line = p.getTokenLineNr();
        long column = p.getTokenColumnNr();
        window.limitTo(lines);
        try {
            grammar.step(parser);
            return true;
        } catch (InputWindow.OutOfInput e) {
            // Ran past the line (an item over several lines, or a damaged one): undone, and framed.
            diag.undo(chunk, problems, responses);
            restartAt = at;
            baseColumn = line == 1 ? baseColumn + column - 1 : column;
            baseLine = baseLine + line - 1;
            parser.close();
            parser = null;
            return false;
        } finally {
            window.unlimit();
        }
    }

    /** Whether Jackson will read the input as UTF-8, as every stream is (not UTF-16 or UTF-32). */
    private boolean looksUtf8() {
        return LargeReadBuffers.utf8Bom(window.bytes(), 0, (int) Math.min(4, window.limit() - window.start())) >= 0;
    }

    private void endOfInput() throws IOException {
        ended = true;
        if (grammar == null) {
            detect(new byte[0], 0, 0);
        }
        if (sse != null) {
            sse.finish(window);
        }
        if (eventStream != null) {
            eventStream.finish();
        }
        window.endInput();
        steps();
    }
}
