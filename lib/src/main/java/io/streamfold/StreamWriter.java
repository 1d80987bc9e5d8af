package io.streamfold;

import io.streamfold.internal.writer.Writing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a completion back as a provider's stream: the chunks or events of any format streamfold
 * reads, in any container, cut into deltas by a {@link Chunking} policy, with the
 * {@link Profile quirks} real providers send. What it writes folds back, with
 * {@link ChunkAssembler#assemble(byte[])}, to the same text, reasoning, tool calls, finish reason
 * and usage.
 *
 * <pre>{@code
 * StreamWriter writer = StreamWriter.builder()
 *         .format(Format.OPENAI_CHAT)             // null (the default): the completion's own format
 *         .container(StreamWriter.Container.SSE)
 *         .chunking(StreamWriter.Chunking.perToken())
 *         .profile(StreamWriter.Profile.AZURE)
 *         .build();
 * byte[] sse = writer.write(completion);           // an Anthropic completion as OpenAI chat chunks
 * }</pre>
 *
 * <p>Another format than the completion's carries what the neutral model says: the text, the
 * reasoning, the refusal, the calls the application runs ({@link Message#toolCalls()}), the
 * finish reason (mapped to the target's own value) and the usage counts (in the target's usage
 * object). The completion's own format also keeps its native values: the raw finish reason and
 * the provider's usage object as sent. Immutable and thread-safe.
 */
public final class StreamWriter {

    /** How the written chunks are stored or sent. */
    public enum Container {
        /** Server-sent events: {@code event:} lines where the format names its events, {@code data:} lines, the format's terminator. */
        SSE,
        /** One chunk object a line (Ollama's native NDJSON, SDK logs). */
        JSON_LINES,
        /** A bare JSON array of chunks (Gemini's {@code streamGenerateContent} without {@code alt=sse}). */
        ARRAY,
        /** A llama-stack recording: {@code {"request": {...}, "response": {"body": [...], "is_streaming": true}}}. */
        LLAMA_STACK;

        /** {@return the HTTP content type a server sends this container with} */
        public String contentType() {
            return switch (this) {
                case SSE -> "text/event-stream";
                case JSON_LINES -> "application/x-ndjson";
                case ARRAY, LLAMA_STACK -> "application/json";
            };
        }
    }

    /**
     * A provider's habit the writer copies, each from a real stream. They are OpenAI chat quirks
     * (Chat Completions served by other providers), so they need {@link Format#OPENAI_CHAT};
     * docs/FORMATS.md describes each. A stream cut short is {@link Builder#cutAt(long)}.
     */
    public enum Profile {
        /** Ollama's OpenAI-compatible endpoint: every tool call whole, in a chunk of its own, at index 0. */
        OLLAMA,
        /** vLLM: {@code reasoning} and {@code reasoning_content} both, and a call's header and first arguments at the same index twice in one chunk. */
        VLLM,
        /** DeepSeek: the usage on the finishing chunk, beside its choice, with no usage-only chunk. */
        DEEPSEEK,
        /** Azure OpenAI: a prompt filter chunk first, filter results on every choice, an asynchronous filter chunk after the finish. */
        AZURE,
        /** Mistral: every tool call whole in one fragment, without {@code index} or {@code type}. */
        MISTRAL,
        /** Gemini's OpenAI-compatible endpoint: whole tool calls without {@code index}. */
        GEMINI_CHAT,
        /** Together: each choice repeats its delta's content as {@code text} beside the {@code delta}. */
        TOGETHER
    }

    /**
     * How text, reasoning and tool arguments are cut into deltas. Cuts fall between code points,
     * never inside a surrogate pair. Formats that send a piece whole (Gemini and Ollama calls)
     * keep it whole.
     */
    public static final class Chunking {
        private final int min;
        private final int max;
        private final long seed;
        private final boolean perToken;

        private Chunking(int min, int max, long seed, boolean perToken) {
            this.min = min;
            this.max = max;
            this.seed = seed;
            this.perToken = perToken;
        }

        /**
         * Pieces of a fixed size.
         *
         * @param codePoints the size of every piece but the last, in code points; at least 1
         * @return the policy
         */
        public static Chunking fixed(int codePoints) {
            return range(codePoints, codePoints, 0);
        }

        /**
         * Pieces of sizes drawn from a range by a seeded generator: the same seed cuts the same text
         * the same way.
         *
         * @param min the smallest size, in code points; at least 1
         * @param max the largest size, in code points; at least {@code min}
         * @param seed the generator's seed
         * @return the policy
         */
        public static Chunking range(int min, int max, long seed) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("Expected 1 <= min <= max for chunk sizes but got " + min + ".." + max);
            }
            return new Chunking(min, max, seed, false);
        }

        /** {@return one token a piece, as models stream: a word with its leading space, or one punctuation mark} */
        public static Chunking perToken() {
            return new Chunking(1, 1, 0, true);
        }

        /** {@return the smallest piece size, in code points (1 for one token a piece)} */
        public int min() {
            return min;
        }

        /** {@return the largest piece size, in code points (1 for one token a piece)} */
        public int max() {
            return max;
        }

        /** {@return the seed of the sizes' generator} */
        public long seed() {
            return seed;
        }

        /** {@return true for one token a piece} */
        public boolean isPerToken() {
            return perToken;
        }

        @Override
        public String toString() {
            return perToken ? "perToken" : min == max ? "fixed(" + min + ")" : "range(" + min + ".." + max + ", seed " + seed + ")";
        }
    }

    private final Format format;
    private final Container container;
    private final Chunking chunking;
    private final Set<Profile> profiles;
    private final long cutAt;

    private StreamWriter(Builder b) {
        this.format = b.format;
        this.container = b.container;
        this.chunking = b.chunking;
        this.profiles = Set.copyOf(b.profiles);
        this.cutAt = b.cutAt;
        if (!profiles.isEmpty() && format != null && format != Format.OPENAI_CHAT) {
            throw new IllegalArgumentException("The profiles " + profiles + " copy OpenAI chat servers: they need format "
                    + Format.OPENAI_CHAT + ", not " + format);
        }
    }

    /** {@return a builder: the completion's own format, raw SSE, pieces of 4 code points, no profile} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the completion with this writer's default settings: its own format, raw SSE.
     *
     * @param completion the completion to write
     * @return the stream's bytes, UTF-8
     */
    public static byte[] sse(Completion completion) {
        return builder().build().write(completion);
    }

    /** {@return the target format, or null for each completion's own} */
    public Format format() {
        return format;
    }

    /** {@return the container} */
    public Container container() {
        return container;
    }

    /** {@return the chunking policy} */
    public Chunking chunking() {
        return chunking;
    }

    /** {@return the quirk profiles applied, immutable} */
    public Set<Profile> profiles() {
        return profiles;
    }

    /** {@return the byte offset the stream is cut at, or -1 when it is written whole} */
    public long cutAt() {
        return cutAt;
    }

    /**
     * Writes the completion's stream.
     *
     * @param completion the completion to write
     * @return the stream's bytes, UTF-8
     * @throws IllegalArgumentException when the completion has no format and none was given, or a
     *     profile does not apply to its format
     */
    public byte[] write(Completion completion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(completion, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /**
     * Writes the completion's stream to an output stream, which is not closed.
     *
     * @param completion the completion to write
     * @param out where the bytes go
     * @throws IOException when the output stream fails
     * @throws IllegalArgumentException when the completion has no format and none was given, or a
     *     profile does not apply to its format
     */
    public void write(Completion completion, OutputStream out) throws IOException {
        Objects.requireNonNull(completion, "completion");
        Format target = format != null ? format : completion.format();
        if (target == null) {
            throw new IllegalArgumentException("The completion has no format (an empty stream): give one with format(...)");
        }
        if (!profiles.isEmpty() && target != Format.OPENAI_CHAT) {
            throw new IllegalArgumentException("The profiles " + profiles + " copy OpenAI chat servers: they need format "
                    + Format.OPENAI_CHAT + ", not " + target);
        }
        byte[] bytes = Writing.write(completion, target, container, chunking, profiles);
        int length = cutAt >= 0 && cutAt < bytes.length ? (int) cutAt : bytes.length;
        out.write(bytes, 0, length);
    }

    /** Settings for a {@link StreamWriter}; not thread-safe. */
    public static final class Builder {
        private Format format;
        private Container container = Container.SSE;
        private Chunking chunking = Chunking.fixed(4);
        private final Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        private long cutAt = -1;

        private Builder() {
        }

        /**
         * Sets the target format.
         *
         * @param format the format to write, or null (the default) for each completion's own
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * Sets the container.
         *
         * @param container the container; not null
         * @return this builder
         */
        public Builder container(Container container) {
            this.container = Objects.requireNonNull(container, "container");
            return this;
        }

        /**
         * Sets how deltas are cut.
         *
         * @param chunking the policy; not null
         * @return this builder
         */
        public Builder chunking(Chunking chunking) {
            this.chunking = Objects.requireNonNull(chunking, "chunking");
            return this;
        }

        /**
         * Adds quirk profiles (OpenAI chat only).
         *
         * @param profiles the profiles to apply
         * @return this builder
         */
        public Builder profile(Profile... profiles) {
            for (Profile p : profiles) {
                this.profiles.add(Objects.requireNonNull(p, "profile"));
            }
            return this;
        }

        /**
         * Cuts the stream at a byte, as a dropped connection does.
         *
         * @param byteOffset how many bytes to keep; negative for the whole stream
         * @return this builder
         */
        public Builder cutAt(long byteOffset) {
            this.cutAt = byteOffset < 0 ? -1 : byteOffset;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException when a profile is given with a format other than OpenAI chat
         */
        public StreamWriter build() {
            return new StreamWriter(this);
        }
    }
}
