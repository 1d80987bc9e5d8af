package io.streamfold.internal.core;

import java.lang.ref.SoftReference;

/**
 * Text buffers handed from one finished assembly to the next. Folding many recordings in one JVM
 * (a test suite, the CLI over a folder) then allocates a recording's text only as its final
 * String, not again as the buffer it was folded in. Few, bounded and held softly: the pool never
 * keeps memory the heap needs, and a buffer too big to keep is left to the collector.
 */
final class TextBuffers {

    private static final int SLOTS = 8;
    /**
     * In chars, for all pooled buffers together: a 256th of the heap in chars (a 128th in bytes),
     * from 2 MB to 16 MB, so a stream of a few megabytes of text and calls (its text and each
     * call's arguments in a buffer of their own) is folded again without growing them. A buffer
     * bigger than that is left to the GC.
     */
    static final int BUDGET = (int) Math.max(1 << 20, Math.min(1 << 23, Runtime.getRuntime().maxMemory() / 256));
    private static final int MIN_NEW = 256;

    @SuppressWarnings("unchecked")
    private static final SoftReference<char[]>[] POOL = new SoftReference[SLOTS];

    private TextBuffers() {
    }

    /**
     * A buffer of at least {@code min} chars: the biggest pooled one that fits (a repeated fold
     * then never grows), else a new one of at least {@code wanted}.
     */
    static char[] take(int min, int wanted) {
        synchronized (POOL) {
            int best = -1;
            char[] found = null;
            for (int i = 0; i < SLOTS; i++) {
                char[] b = held(i);
                if (b != null && b.length >= min && (found == null || b.length > found.length)) {
                    best = i;
                    found = b;
                }
            }
            if (found != null) {
                POOL[best] = null;
                return found;
            }
        }
        return new char[Math.max(Math.max(min, wanted), MIN_NEW)];
    }

    /** Returns a buffer nobody uses any more. The biggest buffers are kept, within the budget. */
    static void give(char[] buffer) {
        if (buffer.length < MIN_NEW || buffer.length > BUDGET) {
            return;
        }
        synchronized (POOL) {
            while (true) {
                int free = -1;
                int smallest = -1;
                int smallestLength = Integer.MAX_VALUE;
                long total = buffer.length;
                for (int i = 0; i < SLOTS; i++) {
                    char[] b = held(i);
                    if (b == null) {
                        free = i;
                    } else {
                        total += b.length;
                        if (b.length < smallestLength) {
                            smallest = i;
                            smallestLength = b.length;
                        }
                    }
                }
                if (free >= 0 && total <= BUDGET) {
                    POOL[free] = new SoftReference<>(buffer);
                    return;
                }
                if (smallestLength > buffer.length) {
                    return; // what the pool holds is worth more
                }
                POOL[smallest] = null;
            }
        }
    }

    /** The buffer in a slot, or null; a slot whose buffer the collector took is emptied. Under the lock. */
    private static char[] held(int slot) {
        char[] buffer = POOL[slot] == null ? null : POOL[slot].get();
        if (buffer == null) {
            POOL[slot] = null;
        }
        return buffer;
    }
}
