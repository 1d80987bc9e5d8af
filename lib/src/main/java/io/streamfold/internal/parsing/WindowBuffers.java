package io.streamfold.internal.parsing;

import java.lang.ref.SoftReference;

/**
 * The one big input window handed from a finished incremental fold to the next. A stream whose
 * last event is megabytes (a final Responses event repeats the whole output) grows its window to
 * hold it; folded again, the next stream takes the grown window instead of growing its own by
 * doubling. One buffer for the whole JVM, held softly and bounded (a 128th of the heap, from 2 MB to
 * 16 MB), so a pool of threads keeps no more than one such window, and never one the heap needs.
 */
final class WindowBuffers {

    static final int BUDGET = (int) Math.max(2 << 20, Math.min(16 << 20, Runtime.getRuntime().maxMemory() / 128));

    private static SoftReference<byte[]> held;

    private WindowBuffers() {
    }

    /** A buffer of at least {@code min} bytes: the held one if it is big enough, else a new one of {@code wanted}. */
    static byte[] take(int min, int wanted) {
        synchronized (WindowBuffers.class) {
            byte[] b = held == null ? null : held.get();
            if (b != null && b.length >= min) {
                held = null;
                return b;
            }
        }
        return new byte[Math.max(min, wanted)];
    }

    /** Gives back a buffer nobody reads any more; the bigger of it and the held one is kept, within the budget. */
    static void give(byte[] buffer) {
        if (buffer.length > BUDGET) {
            return;
        }
        synchronized (WindowBuffers.class) {
            byte[] b = held == null ? null : held.get();
            if (b == null || b.length < buffer.length) {
                held = new SoftReference<>(buffer);
            }
        }
    }
}
