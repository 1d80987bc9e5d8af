package io.streamfold.internal.parsing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Bytes read eight at a time, for the scanners that look at every byte of a stream. */
final class Words {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long RETURNS = 0x0D0D0D0D0D0D0D0DL;

    private Words() {
    }

    /** The eight bytes at {@code i}, the first in the lowest byte. */
    static long at(byte[] bytes, int i) {
        return (long) LONGS.get(bytes, i);
    }

    /** Each byte of {@code b}, eight times. */
    static long repeated(char b) {
        return 0x0101010101010101L * b;
    }

    /** 0x80 in each byte of {@code v} that is zero, and only there. */
    static long zeros(long v) {
        return ~(((v & LOWS) + LOWS) | v | LOWS);
    }

    /** The index of the lowest byte marked in a {@link #zeros} mask. */
    static int first(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }

    /** The index of the first line break in {@code bytes[from, end)}, or {@code end}. */
    static int lineEnd(byte[] bytes, int from, int end) {
        int i = from;
        while (i + 8 <= end) {
            long w = at(bytes, i);
            long hit = zeros(w ^ NEWLINES) | zeros(w ^ RETURNS);
            if (hit != 0) {
                return i + first(hit);
            }
            i += 8;
        }
        while (i < end && bytes[i] != '\n' && bytes[i] != '\r') {
            i++;
        }
        return i;
    }
}
