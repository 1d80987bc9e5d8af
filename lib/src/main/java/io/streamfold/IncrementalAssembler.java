package io.streamfold;

import io.streamfold.internal.capture.Captures;
import io.streamfold.internal.parsing.FramedEvents;
import io.streamfold.internal.parsing.IncrementalReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Folds a stream as its bytes arrive, for recorders and live clients: feed what comes off the
 * wire, ask for a {@link #snapshot()} at any time, and {@link #finish()} at the end.
 *
 * <pre>{@code
 * IncrementalAssembler assembler = ChunkAssembler.incremental();
 * try (InputStream body = response.body()) {
 *     byte[] buffer = new byte[8192];
 *     for (int n; (n = body.read(buffer)) > 0; ) {
 *         recorder.write(buffer, 0, n);      // keep the bytes
 *         assembler.feed(buffer, 0, n);      // and fold them
 *     }
 * }
 * Completion completion = assembler.finish();
 * }</pre>
 *
 * <p><b>Any input, split anywhere.</b> Raw SSE of every SSE format (OpenAI chat and completions,
 * Responses, Anthropic, Gemini Interactions, Gemini {@code alt=sse}), JSON Lines, a bare JSON
 * array streamed (Gemini's REST stream), or a whole llama-stack recording, told apart from the
 * first bytes. Bytes may be split inside a UTF-8 sequence, a JSON escape, an SSE line or a
 * {@code \r\n}: the same parser and container rules as {@code assemble} read them, a chunk once all
 * of it has arrived, and the result, or the error and where it is, is exactly what
 * {@link ChunkAssembler#assemble(byte[])} gives for the same bytes. A container of HTTP exchanges
 * (a VCR cassette, a HAR, WireMock stubs, a python-genai replay file) or gzip is a whole file: it
 * is held as it arrives and read at {@code finish}, as {@code assemble} reads it; nothing of it is
 * folded before.
 *
 * <p><b>The listener's exceptions are its own.</b> What a listener throws comes out of
 * {@code feed} or {@code finish} as itself; the assembler then refuses more input with an
 * {@link IllegalStateException}.
 *
 * <p><b>Bounded memory.</b> Only the chunk being framed is buffered (a container: all of it); the
 * rest is the folded output.
 *
 * <p><b>One stream, one thread.</b> An assembler folds one stream. It is cheap to create and not
 * thread-safe: feed it from one thread at a time. Listener callbacks run inside {@code feed}.
 */
public final class IncrementalAssembler {

    private final IncrementalReader reader;
    private byte[] copyBuffer;
    /** Frames events as SSE text for {@link #feedEvent}; made at the first event. */
    private FramedEvents events;
    /** What {@link #completion()} hands out: completed by {@link #finish()} or the subscriber. */
    private final CompletableFuture<Completion> completion = new CompletableFuture<>();
    private final AssemblerOptions options;

    IncrementalAssembler(AssemblerOptions options) {
        this.reader = new IncrementalReader(options);
        this.options = options;
    }

    /**
     * Folds the next bytes of the stream.
     *
     * @param bytes holds the bytes
     * @param offset where they start in {@code bytes}
     * @param length how many there are
     * @return this assembler
     * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
     * @throws AssemblyException in strict mode, when the bytes so far cannot be a stream
     * @throws IllegalStateException after {@link #finish()}, or after the listener threw
     */
    public IncrementalAssembler feed(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("size=" + bytes.length + " offset=" + offset + " length=" + length);
        }
        reader.feed(bytes, offset, length);
        return this;
    }

    /**
     * Folds all of these bytes, as {@link #feed(byte[], int, int)} does.
     *
     * @param bytes the next bytes of the stream
     * @return this assembler
     */
    public IncrementalAssembler feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * Folds the buffer's remaining bytes and advances its position to its limit, as
     * {@link #feed(byte[], int, int)} does.
     *
     * @param buffer the next bytes of the stream
     * @return this assembler
     */
    public IncrementalAssembler feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int n = buffer.remaining();
            feed(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
            buffer.position(buffer.limit());
            return this;
        }
        if (copyBuffer == null) {
            copyBuffer = new byte[8192];
        }
        while (buffer.hasRemaining()) {
            int n = Math.min(copyBuffer.length, buffer.remaining());
            buffer.get(copyBuffer, 0, n);
            reader.feed(copyBuffer, 0, n);
        }
        return this;
    }

    /**
     * Returns what has been folded so far: text and tool-call arguments as far as complete chunks
     * carried them. The stream is not ended; no truncation is reported.
     *
     * <p>Text only grows from one snapshot to the next, and so do arguments, with two exceptions:
     * Gemini arguments streamed as {@code partialArgs} are an object rebuilt at each piece, and a
     * Responses stream whose final response disagrees with its deltas (a {@code stream-mismatch}
     * warning) is replaced by that response, which is authoritative.
     *
     * <p>In a stream of several responses, this is the response being folded; the ones before it
     * are final (the listener heard each one end).
     *
     * @return the completion so far
     */
    public Completion snapshot() {
        return reader.snapshot();
    }

    /**
     * Ends the stream and returns the final completion. A stream that ends inside a chunk is an
     * {@link AssemblyException} naming where (in lenient mode: a problem, and what was folded).
     *
     * <p>A stream that held several responses is an {@link AssemblyException} located where the
     * second began (in lenient mode: the first, with that problem): read those with {@link #finishAll()}.
     *
     * @return the final completion
     * @throws AssemblyException in strict mode, when the stream is not a complete one, or holds several responses
     * @throws IllegalStateException when called twice
     */
    public Completion finish() {
        Completion result;
        try {
            result = reader.finish();
        } catch (RuntimeException e) {
            completion.completeExceptionally(e);
            throw e;
        }
        completion.complete(result);
        return result;
    }

    /**
     * Folds one Server-Sent Event that a client has already framed (OkHttp's {@code EventSource},
     * Spring's {@code ServerSentEvent}, LangChain4j): its {@code data}, its lines joined by
     * {@code \n}. {@code [DONE]}, empty or blank data add nothing. The result, or the error, is
     * what feeding the event's raw bytes gives; errors count lines and columns in the SSE text the
     * events make ({@code data: } and the data). Feed one stream either as bytes or as events, not both.
     *
     * @param data the event's data
     * @return this assembler
     * @throws AssemblyException in strict mode, when the events so far cannot be a stream
     * @throws IllegalStateException after {@link #finish()}, or after the listener threw
     */
    public IncrementalAssembler feedEvent(String data) {
        return feedEvent(null, data);
    }

    /**
     * Folds one framed Server-Sent Event, as {@link #feedEvent(String)} does. The event's name
     * adds nothing for the SSE formats, which carry their event type in the data; an Amazon
     * event stream event that a client decoded (named {@code contentBlockDelta}, ... , its data the
     * payload) is read as the raw frame is, {@code {"contentBlockDelta": payload}}.
     *
     * @param event the event's name ({@code event:}), or null
     * @param data the event's data
     * @return this assembler
     * @throws AssemblyException in strict mode, when the events so far cannot be a stream
     * @throws IllegalStateException after {@link #finish()}, or after the listener threw
     */
    public IncrementalAssembler feedEvent(String event, String data) {
        if (events == null) {
            events = new FramedEvents();
        }
        byte[] text = events.encode(event, data);
        reader.feed(text, 0, text.length);
        return this;
    }

    /**
     * A subscriber for a reactive client's body ({@code java.net.http}, Reactor Netty, ...): it
     * folds every buffer as it arrives, and when the publisher completes it finishes this
     * assembler, which completes {@link #completion()}. A publisher that fails (a connection cut
     * mid-stream) gives, in lenient options, the folded prefix, {@code incomplete()}, with the
     * failure in its {@code problems()}; in strict options the located {@link AssemblyException}
     * of a stream cut inside a chunk, or an {@code IO} one that names the failure and how many
     * bytes had arrived. A fault in {@code feed} or the listener cancels the subscription and
     * completes {@code completion()} exceptionally with it. Subscribe it once.
     *
     * @return a subscriber feeding this assembler
     */
    public Flow.Subscriber<List<ByteBuffer>> asSubscriber() {
        return new AssemblingSubscriber(this);
    }

    /**
     * The final completion, once {@link #finish()} has run (directly, or when the
     * {@link #asSubscriber() subscriber}'s publisher ends); completed exceptionally with what
     * {@code finish} threw.
     *
     * @return a future of the final completion
     */
    public CompletableFuture<Completion> completion() {
        return completion;
    }

    /** The options this assembler folds with. */
    AssemblerOptions options() {
        return options;
    }

    /** Completes {@link #completion()} with this result. */
    void complete(Completion result) {
        completion.complete(result);
    }

    /** Fails {@link #completion()}. */
    void fail(Throwable error) {
        completion.completeExceptionally(error);
    }

    /** Finishes without completing {@link #completion()}: the subscriber decides what it gets. */
    Completion finishQuietly() {
        return reader.finish();
    }

    /**
     * Ends the stream and returns every response it held, in order (see
     * {@link ChunkAssembler#assembleAll(byte[])}); the listener heard each one end as it did
     * ({@link AssemblyListener#onResponseFinished}). {@link #completion()} completes with the last.
     *
     * @return the responses: at least one, but none for a container (a cassette, a HAR) that
     *     holds no LLM response, as {@link ChunkAssembler#assembleAll(byte[])} gives
     * @throws AssemblyException in strict mode, when the stream is not a complete one
     * @throws IllegalStateException when the assembler was finished already
     */
    public List<Completion> finishAll() {
        List<Completion> all;
        try {
            all = reader.finishAll();
        } catch (RuntimeException e) {
            completion.completeExceptionally(e);
            throw e;
        }
        if (all.isEmpty()) {
            completion.completeExceptionally(Captures.noResponse(options)); // what finish() says of it
        } else {
            completion.complete(all.get(all.size() - 1));
        }
        return all;
    }
}
