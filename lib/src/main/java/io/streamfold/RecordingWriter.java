package io.streamfold;

import io.streamfold.internal.parsing.FramedEvents;
import io.streamfold.internal.parsing.Parsers;
import io.streamfold.internal.recording.LlamaStackRecording;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes what was streamed, as it arrives, as a recording that {@link ChunkAssembler} (and
 * llama-stack) replays: record a live call once in a test suite, fold the file later.
 *
 * <pre>{@code
 * try (RecordingWriter recording = RecordingWriter.builder()
 *         .request("POST", "https://api.openai.com/v1/chat/completions", requestJson)
 *         .normalised(true)
 *         .llamaStack(Path.of("src/test/resources/weather.json"))) {
 *     for (byte[] piece : body) {
 *         recording.feed(piece);
 *     }
 * }
 * Completion replayed = ChunkAssembler.assemble(Path.of("src/test/resources/weather.json"));
 * }</pre>
 *
 * <p>Two forms. {@link Builder#raw(OutputStream) raw} writes the bytes exactly as received (raw
 * SSE, JSON Lines, a streamed JSON array, a binary event stream), and framed events as SSE.
 * {@link Builder#llamaStack(OutputStream) llamaStack} writes llama-stack's recording:
 * {@code request} (method, url, endpoint, body, model) and {@code response} with {@code body} the
 * chunks, one compact line each, and {@code is_streaming: true}; the chunks are split out of the
 * bytes as the assembler splits them (SSE, JSON Lines, a JSON array, an event stream). Both fold
 * back to the completion the live stream gave.
 *
 * <p><b>Normalisation</b> (llama-stack form only, as llama-stack's recorder does it): each
 * chunk's top-level {@code id} becomes {@code rec-} and twelve hex digits of a SHA-256 of the
 * request (method, endpoint, body, test id), {@code created} becomes 0, Ollama's
 * {@code created_at} the epoch and its durations 0; so re-recording the same request changes
 * nothing else. The raw form is byte-exact, never normalised.
 *
 * <p>Each chunk is flushed as it completes; {@link #close()} ends the recording and closes the
 * stream, also after a cut. Feed one stream either as bytes or as events, not both. Not thread-safe.
 */
public final class RecordingWriter implements Closeable {

    private final OutputStream raw;
    private final LlamaStackRecording recording;
    private final FramedEvents events = new FramedEvents();
    private boolean closed;

    private RecordingWriter(OutputStream raw, LlamaStackRecording recording) {
        this.raw = raw;
        this.recording = recording;
    }

    /**
     * A writer of the raw bytes to a file, created or replaced.
     *
     * @param file the recording to write
     * @return the writer
     * @throws IOException if the file cannot be created
     */
    public static RecordingWriter raw(Path file) throws IOException {
        return builder().raw(file);
    }

    /** {@return a builder, for the request a llama-stack recording names and for normalisation} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the next bytes of the stream, split anywhere.
     *
     * @param bytes holds the bytes
     * @param offset where they start
     * @param length how many there are
     * @return this writer
     * @throws IOException if they cannot be written, or (llama-stack form) they are no stream
     * @throws IllegalStateException after {@link #close()}
     */
    public RecordingWriter feed(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkOpen();
        if (raw != null) {
            raw.write(bytes, offset, length);
            raw.flush();
        } else {
            recording.feed(bytes, offset, length);
        }
        return this;
    }

    /**
     * Writes all of these bytes, as {@link #feed(byte[], int, int)} does.
     *
     * @param bytes the next bytes of the stream
     * @return this writer
     * @throws IOException if they cannot be written
     */
    public RecordingWriter feed(byte[] bytes) throws IOException {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * Writes the buffer's remaining bytes and advances its position to its limit.
     *
     * @param buffer the next bytes of the stream
     * @return this writer
     * @throws IOException if they cannot be written
     */
    public RecordingWriter feed(ByteBuffer buffer) throws IOException {
        if (buffer.hasArray()) {
            feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            feed(copy);
        }
        return this;
    }

    /**
     * Writes one framed Server-Sent Event, as {@link IncrementalAssembler#feedEvent(String)} reads
     * it: the raw form writes it as SSE ({@code data: [DONE]} too), the llama-stack form adds its
     * chunk ({@code [DONE]} and empty data add none).
     *
     * @param data the event's data, its lines joined by {@code \n}
     * @return this writer
     * @throws IOException if it cannot be written
     */
    public RecordingWriter feedEvent(String data) throws IOException {
        return feedEvent(null, data);
    }

    /**
     * Writes one framed Server-Sent Event with its name, as {@link #feedEvent(String)} does; the
     * raw form writes the name as an {@code event:} line.
     *
     * @param event the event's name, or null
     * @param data the event's data
     * @return this writer
     * @throws IOException if it cannot be written
     * @throws IllegalArgumentException if the name holds a line break
     */
    public RecordingWriter feedEvent(String event, String data) throws IOException {
        if (event != null && (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("An SSE event name holds no line break: " + event.strip());
        }
        byte[] text = events.encode(event, data);
        if (raw != null && event != null) {
            checkOpen();
            raw.write(("event: " + event + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return feed(text);
    }

    /**
     * Ends the recording, flushes and closes the stream; a second call does nothing.
     *
     * @throws IOException if it cannot be written, or, after closing, when the llama-stack form
     *     ended inside a chunk (the chunks before it are in the recording; the cut one is not)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (raw != null) {
            raw.close();
        } else {
            recording.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The recording is closed");
        }
    }

    /** Sets what a llama-stack recording names, and normalisation, then opens the writer. */
    public static final class Builder {

        private String method = "POST";
        private String url = "";
        private String body;
        private String testId;
        private boolean normalised;

        private Builder() {
        }

        /**
         * The request the recording is the answer to, as llama-stack records it.
         *
         * @param method the HTTP method, such as {@code POST}
         * @param url the request's URL; its path is the recording's {@code endpoint}
         * @param body the request's JSON body (kept as a string when it is no JSON), or null
         * @return this builder
         */
        public Builder request(String method, String url, String body) {
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
            this.body = body;
            return this;
        }

        /**
         * The test the recording belongs to, llama-stack's {@code test_id}; part of the normalised ids.
         *
         * @param testId the test's id, or null for none
         * @return this builder
         */
        public Builder testId(String testId) {
            this.testId = testId;
            return this;
        }

        /**
         * Whether a llama-stack recording's ids, {@code created} and Ollama's timings are
         * normalised as llama-stack's recorder does it (see {@link RecordingWriter}). Off by default.
         *
         * @param normalised true to normalise
         * @return this builder
         */
        public Builder normalised(boolean normalised) {
            this.normalised = normalised;
            return this;
        }

        /**
         * A writer of llama-stack's recording to a file, created or replaced.
         *
         * @param file the recording to write
         * @return the writer, with the request written
         * @throws IOException if the file cannot be created
         */
        public RecordingWriter llamaStack(Path file) throws IOException {
            return llamaStack(Files.newOutputStream(file));
        }

        /**
         * A writer of llama-stack's recording to a stream, which {@link RecordingWriter#close()} closes.
         *
         * @param out where the recording goes
         * @return the writer, with the request written
         * @throws IOException if it cannot be written
         */
        public RecordingWriter llamaStack(OutputStream out) throws IOException {
            return new RecordingWriter(null, new LlamaStackRecording(Parsers.factory(AssemblerOptions.defaults()),
                    new BufferedOutputStream(out), method, url, body, testId, normalised));
        }

        /**
         * A writer of the raw bytes to a file, created or replaced.
         *
         * @param file the recording to write
         * @return the writer
         * @throws IOException if the file cannot be created
         */
        public RecordingWriter raw(Path file) throws IOException {
            return raw(Files.newOutputStream(file));
        }

        /**
         * A writer of the raw bytes to a stream, which {@link RecordingWriter#close()} closes.
         *
         * @param out where the bytes go
         * @return the writer
         */
        public RecordingWriter raw(OutputStream out) {
            return new RecordingWriter(Objects.requireNonNull(out, "out"), null);
        }
    }
}
