package io.streamfold;

/**
 * How to assemble: the format (or detection), strict or lenient, the source name errors use, a
 * listener for live events, and the parser's limits.
 *
 * <pre>{@code
 * AssemblerOptions options = AssemblerOptions.defaults().withLenient(true).withSource("x.json");
 * }</pre>
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
 * @param format the wire format, or null to detect it from the first chunk
 * @param lenient false (the default) to fail on the first fault; true to return what was folded
 *     up to it, marked incomplete, with the faults in {@link Completion#problems()}
 * @param source the name errors give the input (a file name), or null
 * @param listener receives text, reasoning and tool-call events as they are folded, or null
 * @param maxNestingDepth the deepest nesting of arrays and objects allowed
 * @param maxStringLength the longest string allowed, in characters
 * @param maxNumberLength the longest number allowed, in characters
 */
public record AssemblerOptions(Format format, boolean lenient, String source, AssemblyListener listener,
        int maxNestingDepth, int maxStringLength, int maxNumberLength) {

    /** The default {@link #maxNestingDepth()}: arrays and objects nested 1,000 deep. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;
    /** The default {@link #maxStringLength()}: 100,000,000 characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 100_000_000;
    /** The default {@link #maxNumberLength()}: 1,000 characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

    private static final AssemblerOptions DEFAULTS = new AssemblerOptions(null, false, null, null,
            DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NUMBER_LENGTH);

    /**
     * Checks the limits; prefer {@link #defaults()} and the {@code with...} methods.
     *
     * @param format the wire format, or null to detect it from the first chunk
     * @param lenient false to fail on the first fault; true to return what was folded up to it
     * @param source the name errors give the input (a file name), or null
     * @param listener receives text, reasoning and tool-call events as they are folded, or null
     * @param maxNestingDepth the deepest nesting of arrays and objects allowed
     * @param maxStringLength the longest string allowed, in characters
     * @param maxNumberLength the longest number allowed, in characters
     * @throws IllegalArgumentException if a limit is below 1
     */
    public AssemblerOptions {
        if (maxNestingDepth < 1) {
            throw new IllegalArgumentException("maxNestingDepth < 1: " + maxNestingDepth);
        }
        if (maxStringLength < 1) {
            throw new IllegalArgumentException("maxStringLength < 1: " + maxStringLength);
        }
        if (maxNumberLength < 1) {
            throw new IllegalArgumentException("maxNumberLength < 1: " + maxNumberLength);
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

    /**
     * Returns these options reading the given format.
     *
     * @param format the wire format, or null to detect it from the first chunk
     * @return new options
     */
    public AssemblerOptions withFormat(Format format) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Returns these options, strict or lenient.
     *
     * @param lenient true to return what was folded up to a fault instead of failing
     * @return new options
     */
    public AssemblerOptions withLenient(boolean lenient) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Returns these options with the name errors give the input.
     *
     * @param source a file name, or null
     * @return new options
     */
    public AssemblerOptions withSource(String source) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Returns these options with a listener for live events.
     *
     * @param listener the listener, or null
     * @return new options
     */
    public AssemblerOptions withListener(AssemblyListener listener) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Returns these options with another nesting limit.
     *
     * @param maxNestingDepth the deepest nesting of arrays and objects allowed, at least 1
     * @return new options
     */
    public AssemblerOptions withMaxNestingDepth(int maxNestingDepth) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Returns these options with another string limit.
     *
     * @param maxStringLength the longest string allowed, in characters, at least 1
     * @return new options
     */
    public AssemblerOptions withMaxStringLength(int maxStringLength) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Returns these options with another number limit.
     *
     * @param maxNumberLength the longest number allowed, in characters, at least 1
     * @return new options
     */
    public AssemblerOptions withMaxNumberLength(int maxNumberLength) {
        return new AssemblerOptions(format, lenient, source, listener, maxNestingDepth, maxStringLength, maxNumberLength);
    }
}
