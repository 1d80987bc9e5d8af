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
    /** In chars: a 2 MB buffer at most is kept. */
    static final int MAX_KEPT = 1 << 20;
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
                char[] b = POOL[i] == null ? null : POOL[i].get();
                if (b == null) {
                    POOL[i] = null;
                } else if (b.length >= min && (found == null || b.length > found.length)) {
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

    /** Returns a buffer nobody uses any more; the smallest pooled one makes room for a bigger one. */
    static void give(char[] buffer) {
        if (buffer.length < MIN_NEW || buffer.length > MAX_KEPT) {
            return;
        }
        synchronized (POOL) {
            int slot = -1;
            int smallest = buffer.length;
            for (int i = 0; i < SLOTS; i++) {
                char[] b = POOL[i] == null ? null : POOL[i].get();
                if (b == null) {
                    slot = i;
                    break;
                }
                if (b.length < smallest) {
                    slot = i;
                    smallest = b.length;
                }
            }
            if (slot >= 0) {
                POOL[slot] = new SoftReference<>(buffer);
            }
        }
    }
}
