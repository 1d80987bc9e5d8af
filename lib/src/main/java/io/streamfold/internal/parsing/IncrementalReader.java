package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
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
 * the parser never waits; the rest waits for the next bytes. Everything is read once by the parser
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
        while (!grammar.done()) {
            if (!ended && !framer.ready(grammar.need(), grammar.closeLevels(), window.bytes(), window.start(),
                    window.limit())) {
                break;
            }
            if (parser == null) {
                if (!ended && !looksUtf8()) {
                    return; // UTF-16 or UTF-32: read through a decoder that reads ahead, so only whole
                }
                if (ended && sse == null) {
                    // All of it is here, nothing read yet: the very parser assemble makes of a byte array.
                    parser = factory.createParser(window.bytes(), 0, (int) window.limit());
                } else {
                    window.bootstrapping(true);
                    parser = factory.createParser(window);
                    window.bootstrapping(false);
                }
                diag.useParser(parser, 1, 1, 0);
            }
            grammar.step(parser);
            if (!ended) {
                framer.commit();
            }
        }
        window.compact(framer.retainFrom());
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
