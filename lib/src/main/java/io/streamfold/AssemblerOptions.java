package io.streamfold;

import java.util.Objects;

/**
 * How to assemble: the format (or detection), strict or lenient, the source name errors use, a
 * listener for live events, and the parser's limits.
 *
 * <pre>{@code
 * AssemblerOptions options = AssemblerOptions.builder().lenient(true).source("x.json").build();
 * AssemblerOptions same = AssemblerOptions.defaults().withLenient(true).withSource("x.json");
 * }</pre>
 *
 * <p>Immutable; built by {@link #builder()}, or derived from {@link #defaults()} (or any
 * options) by the {@code withX} methods. There is no public constructor, so that a new option
 * breaks no caller.
 *
 * <p><b>Limits.</b> Jackson's {@code StreamReadConstraints} are set on purpose, so that a hostile
 * or corrupted recording fails with a located error instead of exhausting the stack or the heap:
 * nesting depth {@value #DEFAULT_MAX_NESTING_DEPTH} (recordings nest about 10 deep, tool
 * arguments and JSON schemas a few dozen), string length {@value #DEFAULT_MAX_STRING_LENGTH}
 * characters (whole tool arguments, a Responses {@code response.completed} with all its output, or
 * base64 images in a request all fit), and number length {@value #DEFAULT_MAX_NUMBER_LENGTH}
 * characters. A limit that is hit is reported as a {@link Problem.Kind#LIMIT} problem naming the
 * option to raise.
 *
 * <p><b>Options.</b> {@code format}: the wire format, or null to detect it from the first chunk.
 * {@code lenient}: false (the default) to fail on the first fault; true to return what was folded
 * up to it, marked incomplete, with the faults in {@link Completion#problems()}. {@code source}:
 * the name errors give the input (a file name), or null. {@code listener}: receives text,
 * reasoning and tool-call events as they are folded, or null. {@code maxNestingDepth},
 * {@code maxStringLength}, {@code maxNumberLength}: the limits above; {@code maxToolCalls}: the
 * most tool calls one stream may start ({@value #DEFAULT_MAX_TOOL_CALLS} by default).
 */
public final class AssemblerOptions {

    /** The default {@link #maxNestingDepth()}: arrays and objects nested 1,000 deep. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;
    /** The default {@link #maxStringLength()}: 100,000,000 characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 100_000_000;
    /** The default {@link #maxNumberLength()}: 1,000 characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
    /** The default {@link #maxToolCalls()}: 100,000 tool calls in one stream. */
    public static final int DEFAULT_MAX_TOOL_CALLS = 100_000;

    private static final AssemblerOptions DEFAULTS = new Builder().build();

    private final Format format;
    private final boolean lenient;
    private final String source;
    private final AssemblyListener listener;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxToolCalls;

    private AssemblerOptions(Builder b) {
        check("maxNestingDepth", b.maxNestingDepth);
        check("maxStringLength", b.maxStringLength);
        check("maxNumberLength", b.maxNumberLength);
        check("maxToolCalls", b.maxToolCalls);
        this.format = b.format;
        this.lenient = b.lenient;
        this.source = b.source;
        this.listener = b.listener;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
        this.maxNumberLength = b.maxNumberLength;
        this.maxToolCalls = b.maxToolCalls;
    }

    private static void check(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " < 1: " + value);
        }
    }

    /**
     * Returns the defaults: detect the format, strict, no listener, default limits.
     *
     * @return the default options
     */
    public static AssemblerOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the wire format, or null to detect it from the first chunk} */
    public Format format() {
        return format;
    }

    /** {@return true to return what was folded up to a fault instead of failing, false to fail on it} */
    public boolean lenient() {
        return lenient;
    }

    /** {@return the name errors give the input, or null} */
    public String source() {
        return source;
    }

    /** {@return the listener of live events, or null} */
    public AssemblyListener listener() {
        return listener;
    }

    /** {@return the deepest nesting of arrays and objects allowed} */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** {@return the longest string allowed, in characters} */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** {@return the longest number allowed, in characters} */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /**
     * The most tool calls one stream may start: more is a damaged or hostile stream, reported as a
     * {@link Problem.Kind#LIMIT} problem, not a request for unbounded memory.
     *
     * @return the limit, at least 1
     */
    public int maxToolCalls() {
        return maxToolCalls;
    }

    /**
     * Returns these options with the given format.
     *
     * @param format the wire format, or null to detect it
     * @return new options; these are unchanged
     */
    public AssemblerOptions withFormat(Format format) {
        return toBuilder().format(format).build();
    }

    /**
     * Returns these options, lenient or strict.
     *
     * @param lenient true to return what was folded up to a fault, false to fail on it
     * @return new options; these are unchanged
     */
    public AssemblerOptions withLenient(boolean lenient) {
        return toBuilder().lenient(lenient).build();
    }

    /**
     * Returns these options with the given source name.
     *
     * @param source the name errors give the input (a file name), or null
     * @return new options; these are unchanged
     */
    public AssemblerOptions withSource(String source) {
        return toBuilder().source(source).build();
    }

    /**
     * Returns these options with the given listener.
     *
     * @param listener receives events as they are folded, or null
     * @return new options; these are unchanged
     */
    public AssemblerOptions withListener(AssemblyListener listener) {
        return toBuilder().listener(listener).build();
    }

    /**
     * Returns these options with the given nesting limit.
     *
     * @param maxNestingDepth the deepest nesting of arrays and objects allowed, at least 1
     * @return new options; these are unchanged
     * @throws IllegalArgumentException when {@code maxNestingDepth} is below 1
     */
    public AssemblerOptions withMaxNestingDepth(int maxNestingDepth) {
        return toBuilder().maxNestingDepth(maxNestingDepth).build();
    }

    /**
     * Returns these options with the given string-length limit.
     *
     * @param maxStringLength the longest string allowed, in characters, at least 1
     * @return new options; these are unchanged
     * @throws IllegalArgumentException when {@code maxStringLength} is below 1
     */
    public AssemblerOptions withMaxStringLength(int maxStringLength) {
        return toBuilder().maxStringLength(maxStringLength).build();
    }

    /**
     * Returns these options with the given number-length limit.
     *
     * @param maxNumberLength the longest number allowed, in characters, at least 1
     * @return new options; these are unchanged
     * @throws IllegalArgumentException when {@code maxNumberLength} is below 1
     */
    public AssemblerOptions withMaxNumberLength(int maxNumberLength) {
        return toBuilder().maxNumberLength(maxNumberLength).build();
    }

    /**
     * Returns these options with the given tool-call limit.
     *
     * @param maxToolCalls the most tool calls one stream may start, at least 1
     * @return new options; these are unchanged
     * @throws IllegalArgumentException when {@code maxToolCalls} is below 1
     */
    public AssemblerOptions withMaxToolCalls(int maxToolCalls) {
        return toBuilder().maxToolCalls(maxToolCalls).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssemblerOptions other && format == other.format && lenient == other.lenient
                && Objects.equals(source, other.source) && listener == other.listener
                && maxNestingDepth == other.maxNestingDepth && maxStringLength == other.maxStringLength
                && maxNumberLength == other.maxNumberLength && maxToolCalls == other.maxToolCalls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, lenient, source, System.identityHashCode(listener), maxNestingDepth,
                maxStringLength, maxNumberLength, maxToolCalls);
    }

    @Override
    public String toString() {
        return "AssemblerOptions[format=" + format + ", lenient=" + lenient + ", source=" + source + ", listener="
                + listener + ", maxNestingDepth=" + maxNestingDepth + ", maxStringLength=" + maxStringLength
                + ", maxNumberLength=" + maxNumberLength + ", maxToolCalls=" + maxToolCalls + "]";
    }

    /** Builds {@link AssemblerOptions}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Format format;
        private boolean lenient;
        private String source;
        private AssemblyListener listener;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
        private int maxToolCalls = DEFAULT_MAX_TOOL_CALLS;

        private Builder() {
        }

        private Builder(AssemblerOptions o) {
            format = o.format;
            lenient = o.lenient;
            source = o.source;
            listener = o.listener;
            maxNestingDepth = o.maxNestingDepth;
            maxStringLength = o.maxStringLength;
            maxNumberLength = o.maxNumberLength;
            maxToolCalls = o.maxToolCalls;
        }

        /**
         * Sets the wire format.
         *
         * @param format the wire format; null (the default) to detect it from the first chunk
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * Sets strict or lenient assembly.
         *
         * @param lenient true to return what was folded up to a fault; false (the default) to fail on it
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /**
         * Sets the source name.
         *
         * @param source the name errors give the input (a file name), or null (the default)
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Sets the listener.
         *
         * @param listener receives events as they are folded, or null (the default)
         * @return this builder
         */
        public Builder listener(AssemblyListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Sets the nesting limit; {@link #build()} checks it.
         *
         * @param maxNestingDepth the deepest nesting of arrays and objects allowed, at least 1;
         *     default {@value AssemblerOptions#DEFAULT_MAX_NESTING_DEPTH}
         * @return this builder
         */
        public Builder maxNestingDepth(int maxNestingDepth) {
            this.maxNestingDepth = maxNestingDepth;
            return this;
        }

        /**
         * Sets the string-length limit; {@link #build()} checks it.
         *
         * @param maxStringLength the longest string allowed, in characters, at least 1;
         *     default {@value AssemblerOptions#DEFAULT_MAX_STRING_LENGTH}
         * @return this builder
         */
        public Builder maxStringLength(int maxStringLength) {
            this.maxStringLength = maxStringLength;
            return this;
        }

        /**
         * Sets the number-length limit; {@link #build()} checks it.
         *
         * @param maxNumberLength the longest number allowed, in characters, at least 1;
         *     default {@value AssemblerOptions#DEFAULT_MAX_NUMBER_LENGTH}
         * @return this builder
         */
        public Builder maxNumberLength(int maxNumberLength) {
            this.maxNumberLength = maxNumberLength;
            return this;
        }

        /**
         * Sets the tool-call limit; {@link #build()} checks it.
         *
         * @param maxToolCalls the most tool calls one stream may start, at least 1;
         *     default {@value AssemblerOptions#DEFAULT_MAX_TOOL_CALLS}
         * @return this builder
         */
        public Builder maxToolCalls(int maxToolCalls) {
            this.maxToolCalls = maxToolCalls;
            return this;
        }

        /**
         * Builds the options; the builder can be changed and built again.
         *
         * @return the options, immutable
         * @throws IllegalArgumentException when a limit is below 1
         */
        public AssemblerOptions build() {
            return new AssemblerOptions(this);
        }
    }
}
