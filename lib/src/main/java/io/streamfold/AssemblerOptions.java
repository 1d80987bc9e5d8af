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
 * {@code maxStringLength}, {@code maxNumberLength}: the limits above.
 */
public final class AssemblerOptions {

    public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;
    public static final int DEFAULT_MAX_STRING_LENGTH = 100_000_000;
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

    private static final AssemblerOptions DEFAULTS = new Builder().build();

    private final Format format;
    private final boolean lenient;
    private final String source;
    private final AssemblyListener listener;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNumberLength;

    private AssemblerOptions(Builder b) {
        check("maxNestingDepth", b.maxNestingDepth);
        check("maxStringLength", b.maxStringLength);
        check("maxNumberLength", b.maxNumberLength);
        this.format = b.format;
        this.lenient = b.lenient;
        this.source = b.source;
        this.listener = b.listener;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
        this.maxNumberLength = b.maxNumberLength;
    }

    private static void check(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " < 1: " + value);
        }
    }

    /** Detect the format, strict, no listener, default limits. */
    public static AssemblerOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The wire format, or null to detect it. */
    public Format format() {
        return format;
    }

    /** True to return what was folded up to a fault instead of failing. */
    public boolean lenient() {
        return lenient;
    }

    /** The name errors give the input, or null. */
    public String source() {
        return source;
    }

    /** The listener of live events, or null. */
    public AssemblyListener listener() {
        return listener;
    }

    /** The deepest nesting of arrays and objects allowed. */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** The longest string allowed, in characters. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** The longest number allowed, in characters. */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** These options with the given format (null: detect it). */
    public AssemblerOptions withFormat(Format format) {
        return toBuilder().format(format).build();
    }

    /** These options, lenient or strict. */
    public AssemblerOptions withLenient(boolean lenient) {
        return toBuilder().lenient(lenient).build();
    }

    /** These options with the given source name. */
    public AssemblerOptions withSource(String source) {
        return toBuilder().source(source).build();
    }

    /** These options with the given listener. */
    public AssemblerOptions withListener(AssemblyListener listener) {
        return toBuilder().listener(listener).build();
    }

    /** These options with the given nesting limit. */
    public AssemblerOptions withMaxNestingDepth(int maxNestingDepth) {
        return toBuilder().maxNestingDepth(maxNestingDepth).build();
    }

    /** These options with the given string-length limit. */
    public AssemblerOptions withMaxStringLength(int maxStringLength) {
        return toBuilder().maxStringLength(maxStringLength).build();
    }

    /** These options with the given number-length limit. */
    public AssemblerOptions withMaxNumberLength(int maxNumberLength) {
        return toBuilder().maxNumberLength(maxNumberLength).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssemblerOptions other && format == other.format && lenient == other.lenient
                && Objects.equals(source, other.source) && listener == other.listener
                && maxNestingDepth == other.maxNestingDepth && maxStringLength == other.maxStringLength
                && maxNumberLength == other.maxNumberLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, lenient, source, System.identityHashCode(listener), maxNestingDepth,
                maxStringLength, maxNumberLength);
    }

    @Override
    public String toString() {
        return "AssemblerOptions[format=" + format + ", lenient=" + lenient + ", source=" + source + ", listener="
                + listener + ", maxNestingDepth=" + maxNestingDepth + ", maxStringLength=" + maxStringLength
                + ", maxNumberLength=" + maxNumberLength + "]";
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
        }

        /** The wire format; null (the default) to detect it from the first chunk. */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /** True to return what was folded up to a fault; false (the default) to fail on it. */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** The name errors give the input (a file name), or null. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Receives events as they are folded, or null. */
        public Builder listener(AssemblyListener listener) {
            this.listener = listener;
            return this;
        }

        /** The deepest nesting allowed, at least 1; default {@value AssemblerOptions#DEFAULT_MAX_NESTING_DEPTH}. */
        public Builder maxNestingDepth(int maxNestingDepth) {
            this.maxNestingDepth = maxNestingDepth;
            return this;
        }

        /** The longest string allowed, at least 1; default {@value AssemblerOptions#DEFAULT_MAX_STRING_LENGTH}. */
        public Builder maxStringLength(int maxStringLength) {
            this.maxStringLength = maxStringLength;
            return this;
        }

        /** The longest number allowed, at least 1; default {@value AssemblerOptions#DEFAULT_MAX_NUMBER_LENGTH}. */
        public Builder maxNumberLength(int maxNumberLength) {
            this.maxNumberLength = maxNumberLength;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when a limit is below 1
         */
        public AssemblerOptions build() {
            return new AssemblerOptions(this);
        }
    }
}
