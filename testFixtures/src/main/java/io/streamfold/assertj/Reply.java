package io.streamfold.assertj;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Source;
import io.streamfold.StreamWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One response a {@link StreamReplayServer} plays back: a recording as its provider sent it (status,
 * content type, framing), or a completion written by a {@link StreamWriter}; with the pace, the
 * write sizes and the fault to play it with, and the requests it answers. Immutable: each
 * {@code with...} method returns a copy.
 *
 * <pre>{@code
 * Reply.of(Path.of("recordings/weather.sse")).withPace(Reply.Pace.fixed(Duration.ofMillis(5)))
 *         .withWriteSize(7).withFault(Reply.Fault.dropAfter(300)).onPath("/v1/chat/completions");
 * }</pre>
 */
public final class Reply {

    /** How fast the chunks go out. */
    public static final class Pace {
        private final Duration perChunk;
        private final boolean recorded;

        private Pace(Duration perChunk, boolean recorded) {
            this.perChunk = perChunk;
            this.recorded = recorded;
        }

        /** {@return every chunk at once, as fast as the connection takes them} */
        public static Pace none() {
            return new Pace(Duration.ZERO, false);
        }

        /**
         * A fixed delay before every chunk but the first.
         *
         * @param perChunk the delay; not negative
         * @return the pace
         */
        public static Pace fixed(Duration perChunk) {
            if (perChunk.isNegative()) {
                throw new IllegalArgumentException("Expected a delay of zero or more but got " + perChunk);
            }
            return new Pace(perChunk, false);
        }

        /** {@return the gaps between the chunks' timestamps where the recording has them (Ollama's {@code created_at}), else none} */
        public static Pace recorded() {
            return new Pace(Duration.ZERO, true);
        }

        Duration perChunk() {
            return perChunk;
        }

        boolean isRecorded() {
            return recorded;
        }
    }

    /** What goes wrong while the reply is sent. */
    public static final class Fault {
        enum Kind { NONE, CUT, DROP, STALL, CLOSE, STATUS }

        private final Kind kind;
        private final long afterBytes;
        private final Duration stall;
        private final int status;

        private Fault(Kind kind, long afterBytes, Duration stall, int status) {
            this.kind = kind;
            this.afterBytes = afterBytes;
            this.stall = stall;
            this.status = status;
        }

        /** {@return no fault: the whole stream, then the end of the body} */
        public static Fault none() {
            return new Fault(Kind.NONE, -1, Duration.ZERO, 0);
        }

        /**
         * The body ends cleanly after this many bytes, as a stream the provider stopped sending.
         *
         * @param bytes how many bytes of the body to send
         * @return the fault
         */
        public static Fault cutAfter(long bytes) {
            return new Fault(Kind.CUT, bytes, Duration.ZERO, 0);
        }

        /**
         * The connection drops after this many bytes of the body: the client's read fails.
         *
         * @param bytes how many bytes of the body to send first
         * @return the fault
         */
        public static Fault dropAfter(long bytes) {
            return new Fault(Kind.DROP, bytes, Duration.ZERO, 0);
        }

        /**
         * The stream stalls after this many bytes, for this long, then goes on (a client's read
         * timeout should fire first).
         *
         * @param bytes how many bytes of the body to send first
         * @param stall how long to send nothing
         * @return the fault
         */
        public static Fault stallAfter(long bytes, Duration stall) {
            return new Fault(Kind.STALL, bytes, Objects.requireNonNull(stall, "stall"), 0);
        }

        /** {@return the connection closed before any response: no status line, no body} */
        public static Fault closeConnection() {
            return new Fault(Kind.CLOSE, 0, Duration.ZERO, 0);
        }

        /**
         * An HTTP error instead of the stream, with the provider's own error body and headers (a
         * {@code retry-after} with a 429).
         *
         * @param status the HTTP status: 429, 500, 503, 529 (Anthropic's overloaded), ...
         * @return the fault
         */
        public static Fault status(int status) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("Expected an HTTP error status (400-599) but got " + status);
            }
            return new Fault(Kind.STATUS, 0, Duration.ZERO, status);
        }

        Kind kind() {
            return kind;
        }

        long afterBytes() {
            return afterBytes;
        }

        Duration stall() {
            return stall;
        }

        int status() {
            return status;
        }
    }

    private final ReplayFrames frames;
    private final Pace pace;
    private final int writeSize;
    private final Fault fault;
    private final String path;
    private final Predicate<String> body;

    private Reply(ReplayFrames frames, Pace pace, int writeSize, Fault fault, String path, Predicate<String> body) {
        this.frames = frames;
        this.pace = pace;
        this.writeSize = writeSize;
        this.fault = fault;
        this.path = path;
        this.body = body;
    }

    /**
     * A recording as its provider sent it: raw SSE and Ollama's NDJSON as they are, the chunks of a
     * llama-stack recording, a JSON array or SDK-logged JSON Lines framed as the provider frames
     * them (SSE with the format's event names and terminator; NDJSON for Ollama and Bedrock), a
     * whole non-streaming body as JSON. The status and content type are a llama-stack
     * recording's when it has them.
     *
     * @param recording the recording file
     * @return the reply, at no pace, in whole chunks, with no fault, answering any request
     */
    public static Reply of(Path recording) {
        return new Reply(ReplayFrames.load(recording), Pace.none(), 0, Fault.none(), null, null);
    }

    /**
     * A completion written as a stream.
     *
     * @param completion what to stream
     * @param writer how to write it: format, container, chunking, quirk profiles
     * @return the reply, at no pace, in whole chunks, with no fault, answering any request
     */
    public static Reply of(Completion completion, StreamWriter writer) {
        return new Reply(ReplayFrames.written(completion, writer), Pace.none(), 0, Fault.none(), null, null);
    }

    /**
     * One reply per response a recording holds, in order: a file with one is served as
     * {@link #of(Path)} serves it, byte for byte; one with several (an agent loop recorded in one
     * file, a VCR cassette, a HAR) is read with {@link ChunkAssembler#assembleAll(Path)} and each
     * response is written back in its own format ({@link StreamWriter}; SSE, or NDJSON for Ollama
     * and Bedrock), so that each request gets the next response.
     *
     * @param recording the recording file, or a container of several
     * @return the replies, in the order of the responses
     */
    public static List<Reply> eachResponseOf(Path recording) {
        List<Completion> all = ChunkAssembler.assembleAll(recording);
        Source source = all.get(0).source();
        boolean capture = source != null && source.container() != Source.Container.STREAM
                && source.container() != Source.Container.LLAMA_STACK;
        if (all.size() == 1 && !capture) {
            return List.of(of(recording));
        }
        return all.stream().map(Reply::rewritten).toList();
    }

    /** A response written back in its own format; an error body with no choice, as that provider's error status. */
    private static Reply rewritten(Completion c) {
        Format format = c.format() != null ? c.format() : Format.OPENAI_CHAT;
        Reply reply = of(c, StreamWriter.builder().format(format)
                .container(format == Format.OLLAMA_CHAT || format == Format.OLLAMA_GENERATE
                        || format == Format.BEDROCK_CONVERSE ? StreamWriter.Container.JSON_LINES : StreamWriter.Container.SSE)
                .build());
        return c.choices().isEmpty() && c.error().isPresent() ? reply.withFault(Fault.status(statusOf(c.error().get())))
                : reply;
    }

    /** The HTTP status an error body stood for: its own code when it is one, else what its words say. */
    private static int statusOf(io.streamfold.ProviderError error) {
        String said = (error.type() + " " + error.code() + " " + error.message()).toLowerCase(java.util.Locale.ROOT);
        if (error.code() != null && error.code().matches("[45]\\d\\d")) {
            return Integer.parseInt(error.code());
        }
        return said.contains("rate") || said.contains("quota") || said.contains("exhausted") ? 429
                : said.contains("overloaded") ? 529 : 500;
    }

    /**
     * One reply per recording in a folder (its {@code .json}, {@code .jsonl}, {@code .ndjson} and
     * {@code .sse} files, by name), to serve in that order.
     *
     * @param folder the folder
     * @return the replies
     */
    public static List<Reply> allIn(Path folder) {
        return Recordings.in(folder).list().stream().map(Reply::of).toList();
    }

    /**
     * Sets the pace.
     *
     * @param pace how fast the chunks go out
     * @return a copy with this pace
     */
    public Reply withPace(Pace pace) {
        return new Reply(frames, Objects.requireNonNull(pace, "pace"), writeSize, fault, path, body);
    }

    /**
     * Sends the body in writes of this many bytes (each flushed), cutting through chunks and
     * characters, as networks do; 0 writes each chunk whole.
     *
     * @param bytes the size of each write; 0 for whole chunks
     * @return a copy with this write size
     */
    public Reply withWriteSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Expected a write size of 0 or more but got " + bytes);
        }
        return new Reply(frames, pace, bytes, fault, path, body);
    }

    /**
     * Sets the fault.
     *
     * @param fault what goes wrong
     * @return a copy with this fault
     */
    public Reply withFault(Fault fault) {
        return new Reply(frames, pace, writeSize, Objects.requireNonNull(fault, "fault"), path, body);
    }

    /**
     * Answers only requests to this path (the query is not compared).
     *
     * @param path the request path, such as {@code /v1/chat/completions}
     * @return a copy that answers this path only
     */
    public Reply onPath(String path) {
        return new Reply(frames, pace, writeSize, fault, Objects.requireNonNull(path, "path"), body);
    }

    /**
     * Answers only requests whose body (read as UTF-8) passes the test.
     *
     * @param test the test of the request body
     * @return a copy that answers these requests only
     */
    public Reply whenBody(Predicate<String> test) {
        return new Reply(frames, pace, writeSize, fault, path, Objects.requireNonNull(test, "test"));
    }

    /** {@return the wire format the reply streams, or null when the recording told none} */
    public Format format() {
        return frames.format();
    }

    /** {@return the HTTP content type the reply is sent with} */
    public String contentType() {
        return frames.contentType();
    }

    /** {@return the body's bytes, whole, as the reply sends them without a fault} */
    public byte[] body() {
        return frames.body();
    }

    boolean matches(String requestPath, String requestBody) {
        return (path == null || path.equals(requestPath)) && (body == null || body.test(requestBody));
    }

    ReplayFrames frames() {
        return frames;
    }

    Pace pace() {
        return pace;
    }

    int writeSize() {
        return writeSize;
    }

    Fault fault() {
        return fault;
    }

    @Override
    public String toString() {
        return "Reply[" + frames.source() + (path == null ? "" : " on " + path) + "]";
    }
}
