package io.streamfold.internal.parsing;

import io.streamfold.internal.json.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 where jackson-core is lenient. Jackson refuses bad continuation bytes and bytes
 * F8 to FF, but decodes without a word overlong forms ({@code C0 AF} for {@code /}), encoded
 * surrogates ({@code ED A0 80}) and code points beyond U+10FFFF ({@code F4 90 80 80}). The guard
 * scans the bytes the parser is about to read and overwrites the byte that makes such a sequence
 * invalid with {@code FF}, which Jackson then refuses where it stands, as a located MALFORMED
 * error; {@link Diagnostics} names what was there. Each sequence is told by its first two bytes,
 * the byte overwritten is the one that tells, so input split anywhere is guarded alike.
 *
 * <p>Cheap on the hot path: eight ASCII bytes are passed over with one test.
 */
final class Utf8Guard {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** What Jackson refuses as the start or the middle of a sequence. */
    private static final byte POISON = (byte) 0xFF;

    private final Diagnostics diag;
    /** The lead byte of a sequence whose second byte has not come yet, else 0. */
    private int pendingLead;
    /** The offset, in what the parser reads, of the next byte to scan. */
    private long position;
    /** The offset of {@code b[0]} in the block being scanned. */
    private long base;

    Utf8Guard(Diagnostics diag) {
        this.diag = diag;
    }

    /**
     * Whether the input is UTF-8 as Jackson reads it: a zero byte in the first four, or a UTF-16
     * byte order mark, makes it UTF-16 or UTF-32, which the guard leaves alone.
     */
    static boolean looksUtf8(byte[] b, int from, int to) {
        int n = Math.min(4, to - from);
        for (int i = 0; i < n; i++) {
            if (b[from + i] == 0) {
                return false;
            }
        }
        return n < 2 || !((b[from] & 0xFF) == 0xFE && (b[from + 1] & 0xFF) == 0xFF
                || (b[from] & 0xFF) == 0xFF && (b[from + 1] & 0xFF) == 0xFE);
    }

    /** Scans {@code b[from, to)}, which follows the bytes scanned before, poisoning what Jackson would let by. */
    void scan(byte[] b, int from, int to) {
        base = position - from;
        position += to - from;
        int i = from;
        if (pendingLead != 0 && i < to) {
            second(pendingLead, b, i);
            pendingLead = 0;
        }
        while (i < to) {
            i = asciiRun(b, i, to);
            if (i >= to) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c >= 0xC0) {
                lead(c, b, i, to);
            }
            i++;
        }
    }

    /** Past the ASCII bytes from {@code i}, 32 then 8 at a time: where the next byte of interest may be. */
    private static int asciiRun(byte[] b, int i, int to) {
        while (i + 32 <= to && (((long) LONGS.get(b, i) | (long) LONGS.get(b, i + 8) | (long) LONGS.get(b, i + 16)
                | (long) LONGS.get(b, i + 24)) & HIGH_BITS) == 0) {
            i += 32;
        }
        while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        return i;
    }

    private void lead(int c, byte[] b, int i, int to) {
        switch (c) {
            case 0xC0, 0xC1 -> poison(b, i, String.format("an overlong encoding (%02X)", c));
            case 0xF5, 0xF6, 0xF7 -> poison(b, i, String.format("a code point beyond U+10FFFF (%02X)", c));
            case 0xE0, 0xED, 0xF0, 0xF4 -> {
                if (i + 1 < to) {
                    second(c, b, i + 1);
                } else {
                    pendingLead = c;
                }
            }
            default -> {
            }
        }
    }

    /** The second byte of a sequence led by E0, ED, F0 or F4: the range it may take is narrower. */
    private void second(int lead, byte[] b, int at) {
        int d = b[at] & 0xFF;
        String what = switch (lead) {
            case 0xE0 -> d >= 0x80 && d <= 0x9F ? "an overlong encoding" : null;
            case 0xF0 -> d >= 0x80 && d <= 0x8F ? "an overlong encoding" : null;
            case 0xED -> d >= 0xA0 && d <= 0xBF ? "an encoded surrogate" : null;
            case 0xF4 -> d >= 0x90 && d <= 0xBF ? "a code point beyond U+10FFFF" : null;
            default -> null;
        };
        if (what != null) {
            poison(b, at, String.format("%s (%02X %02X)", what, lead, d));
        }
    }

    private void poison(byte[] b, int at, String what) {
        b[at] = POISON;
        diag.invalidUtf8(base + at, what);
    }

    /** A stream whose bytes are guarded as they are read. */
    InputStream guarding(InputStream in) {
        return new BlockInputStream() {
            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                int n = in.read(into, offset, length);
                if (n > 0) {
                    scan(into, offset, offset + n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** The bytes, guarded: the very array when it holds nothing to refuse (nearly always), else a guarded copy. */
    byte[] guarded(byte[] bytes) {
        if (!needsGuard(bytes)) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        scan(copy, 0, copy.length);
        return copy;
    }

    /** Whether any lead byte that may start a sequence Jackson lets by is in the bytes. */
    private static boolean needsGuard(byte[] b) {
        int i = 0;
        int to = b.length;
        while (i < to) {
            i = asciiRun(b, i, to);
            if (i >= to) {
                return false;
            }
            int c = b[i] & 0xFF;
            if (c == 0xC0 || c == 0xC1 || c == 0xE0 || c == 0xED || c >= 0xF0 && c <= 0xF7) {
                return true;
            }
            i++;
        }
        return false;
    }
}
