package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;

/**
 * Jackson's stream parsers read 8,000 bytes at a time; a recording streamed from disk folds
 * noticeably faster with a 64 KB read buffer (fewer refills, fewer strings split across them).
 * One recycler per thread, as Jackson's own default pool keeps; nested parsers on a thread take
 * buffers out of it and get fresh ones, as they do with Jackson's.
 */
final class LargeReadBuffers implements RecyclerPool<BufferRecycler> {

    static final LargeReadBuffers POOL = new LargeReadBuffers();

    private static final int READ_BUFFER = 64 * 1024;
    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<BufferRecycler> RECYCLERS = ThreadLocal.withInitial(Recycler::new);

    private LargeReadBuffers() {
    }

    @Override
    public BufferRecycler acquirePooled() {
        return RECYCLERS.get();
    }

    /** Like Jackson's thread-local pool: nothing to do on release, so no link to the pool either. */
    @Override
    public BufferRecycler acquireAndLinkPooled() {
        return acquirePooled();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        // kept by its thread
    }

    private static final class Recycler extends BufferRecycler {
        @Override
        protected int byteBufferLength(int ix) {
            return ix == BYTE_READ_IO_BUFFER ? READ_BUFFER : super.byteBufferLength(ix);
        }
    }
}
