package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.util.BufferRecycler;

/**
 * Jackson's stream parsers read 8,000 bytes at a time; a recording streamed from disk folds
 * noticeably faster with a 64 KB read buffer (fewer refills, fewer strings split across them).
 * One recycler per thread, as Jackson's own default pool keeps; nested parsers on a thread share
 * it, as they do with Jackson's thread-local pool.
 *
 * <p>The factory hands its parsers these recyclers by overriding {@code _getBufferRecycler()},
 * which every jackson-core 2.x calls once per parser, rather than through
 * {@code JsonFactoryBuilder.recyclerPool}: that needs {@code RecyclerPool}, new in 2.16, and the
 * library supports jackson-core 2.15. Nothing changes per token: parsers are Jackson's own.
 */
final class LargeReadBuffers extends JsonFactory {

    private static final int READ_BUFFER = 64 * 1024;
    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<BufferRecycler> RECYCLERS = ThreadLocal.withInitial(Recycler::new);

    LargeReadBuffers(JsonFactoryBuilder builder) {
        super(builder);
    }

    /** JSON, as Jackson's own factory: a subclass must say so, or it gets no non-blocking parser. */
    @Override
    public String getFormatName() {
        return FORMAT_NAME_JSON;
    }

    /**
     * Not linked to a pool (2.16+ would release a linked one back into it when a parser closes):
     * the thread keeps it, as Jackson's thread-local pool does.
     */
    @Override
    public BufferRecycler _getBufferRecycler() {
        return RECYCLERS.get();
    }

    private static final class Recycler extends BufferRecycler {
        @Override
        protected int byteBufferLength(int ix) {
            return ix == BYTE_READ_IO_BUFFER ? READ_BUFFER : super.byteBufferLength(ix);
        }
    }
}
