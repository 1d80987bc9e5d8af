package io.streamfold.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Bytes read eight at a time, for the scanners that look at every byte of a stream. */
public final class Words {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    public static final long HIGHS = 0x8080808080808080L;
    private static final long BELOW_14 = 0x0E0E0E0E0E0E0E0EL;
    private static final long SPACES = 0x2020202020202020L;

    private Words() {
    }

    /** The eight bytes at {@code i}, the first in the lowest byte. */
    public static long at(byte[] bytes, int i) {
        return (long) LONGS.get(bytes, i);
    }

    /** Each byte of {@code b}, eight times. */
    public static long repeated(char b) {
        return 0x0101010101010101L * b;
    }

    /** 0x80 in each byte of {@code v} that is zero, and only there. */
    public static long zeros(long v) {
        return ~(((v & LOWS) + LOWS) | v | LOWS);
    }

    /**
     * How many of the eight bytes at {@code i} are spaces before the first that is not one (8:
     * all of them); a run of blanks is passed this way, a word at a time.
     */
    public static int spaces(byte[] bytes, int i) {
        long others = at(bytes, i) ^ SPACES; // zero bytes: the spaces
        return others == 0 ? 8 : Long.numberOfTrailingZeros(others) >>> 3;
    }

    /** The index of the lowest byte marked in a {@link #zeros} mask. */
    public static int first(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }

    /** The index of the first line break in {@code bytes[from, end)}, or {@code end}. */
    public static int lineEnd(byte[] bytes, int from, int end) {
        int i = from;
        while (i + 8 <= end) {
            // Bytes below 14 (the line breaks, a tab, other controls), in three operations; the lowest
            // byte marked is always one (a borrow only ever marks bytes above it).
            long w = at(bytes, i);
            long low = (w - BELOW_14) & ~w & HIGHS;
            if (low == 0) {
                i += 8;
                continue;
            }
            int hit = i + first(low);
            if (bytes[hit] == '\n' || bytes[hit] == '\r') {
                return hit;
            }
            i = hit + 1; // a tab or another control byte: not a line break
        }
        while (i < end && bytes[i] != '\n' && bytes[i] != '\r') {
            i++;
        }
        return i;
    }
}
