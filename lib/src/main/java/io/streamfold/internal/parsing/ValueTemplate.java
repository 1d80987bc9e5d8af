package io.streamfold.internal.parsing;

import java.util.Arrays;

/**
 * An object the {@link Framer} has framed, kept to frame the next ones by comparison
 * ({@link ValueTemplates}): its bytes, the framer's state before each byte, and where its strings
 * end. A state fits a byte: the nesting (at most 63), whether in a string, whether escaped.
 */
final class ValueTemplate {

    private static final int NESTING = 0x3F;
    private static final int IN_STRING = 0x40;
    private static final int ESCAPED = 0x80;

    final byte[] bytes;
    /** The state before each byte (from the second: the first is the opening brace). */
    final byte[] states;
    /** Offsets just past each string's closing quote, ascending. */
    private final int[] stringEnds;
    /** What comparing with it saved, decayed at each recording: the least is replaced first. */
    long score;
    /** Objects it ended after one difference at most. */
    int hits;
    /** How far the last object it ended matched it from the start. */
    int reach;
    /** Why it was recorded: {@link ValueTemplates#FIT_NONE} or {@link ValueTemplates#FIT_LOOSE}. */
    int kind;

    private ValueTemplate(byte[] bytes, byte[] states, int[] stringEnds) {
        this.bytes = bytes;
        this.states = states;
        this.stringEnds = stringEnds;
    }

    static int nesting(int state) {
        return state & NESTING;
    }

    static boolean inString(int state) {
        return (state & IN_STRING) != 0;
    }

    static boolean escaped(int state) {
        return (state & ESCAPED) != 0;
    }

    /**
     * The first string end past offset {@code after} where the framer is outside strings at
     * nesting {@code nesting}; -1 if none (always past 63 levels, which no state holds).
     */
    int stringEndAfter(int after, int nesting) {
        int x = Arrays.binarySearch(stringEnds, after + 1);
        for (x = x < 0 ? -x - 1 : x; x < stringEnds.length; x++) {
            if ((states[stringEnds[x]] & 0xFF) == nesting) {
                return stringEnds[x];
            }
        }
        return -1;
    }

    /**
     * The object {@code b[open, end)} with the states the framer's scan goes through, byte by byte;
     * null if it nests deeper than a state holds (or does not end where the framer ends it).
     */
    static ValueTemplate trace(byte[] b, int open, int end) {
        int length = end - open;
        byte[] states = new byte[length];
        int[] ends = new int[8];
        int count = 0;
        int n = 1;
        boolean str = false;
        boolean esc = false;
        for (int k = 1; k < length; k++) {
            states[k] = (byte) (n | (str ? IN_STRING : 0) | (esc ? ESCAPED : 0));
            byte c = b[open + k];
            if (esc) {
                esc = false;
            } else if (str) {
                if (c == '\\') {
                    esc = true;
                } else if (c == '"') {
                    str = false;
                    if (count == ends.length) {
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    ends[count++] = k + 1;
                }
            } else if (c == '"') {
                str = true;
            } else if (c == '{' || c == '[') {
                if (++n > NESTING) {
                    return null;
                }
            } else if ((c == '}' || c == ']') && --n == 0 && k != length - 1) {
                return null; // not the framer's end: not a template
            }
        }
        if (n != 0) {
            return null;
        }
        return new ValueTemplate(Arrays.copyOfRange(b, open, end), states, Arrays.copyOf(ends, count));
    }
}
