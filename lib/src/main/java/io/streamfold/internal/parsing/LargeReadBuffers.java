package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.streamfold.internal.json.Utf8Parser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Jackson's stream parsers read 8,000 bytes at a time; a recording streamed from disk folds
 * noticeably faster with a 64 KB read buffer (fewer refills, fewer strings split across them).
 * One recycler per thread, as Jackson's own default pool keeps; nested parsers on a thread share
 * it, as they do with Jackson's thread-local pool.
 *
 * <p>The factory hands its parsers these recyclers by overriding {@code _getBufferRecycler()},
 * which every jackson-core 2.x calls once per parser, rather than through
 * {@code JsonFactoryBuilder.recyclerPool}: that needs {@code RecyclerPool}, new in 2.16, and the
 * library supports jackson-core 2.15.
 *
 * <p>Its UTF-8 parsers are {@link Utf8Parser}s, made as Jackson's bootstrapper makes its own (the
 * same buffer, start, byte order mark and offsets); any other encoding, or a head the
 * bootstrapper would judge otherwise, goes to Jackson's bootstrapper. Nothing changes per token.
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

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext context) throws IOException {
        int bom = utf8(data, offset, len);
        if (bom < 0) {
            if (offset == 0 && len == data.length) {
                return super._createParser(data, offset, len, context);
            }
            // jackson-core 2.15 reads UTF-16 with a byte order mark past the length it is given:
            // the bootstrapper gets the range as an array of its own (offsets count from it alike)
            return super._createParser(Arrays.copyOfRange(data, offset, offset + len), 0, len, context);
        }
        context.setEncoding(JsonEncoding.UTF8);
        return new Utf8Parser(context, _parserFeatures, null, _objectCodec, _byteSymbolCanonicalizer.makeChild(
                _factoryFeatures), data, offset + bom, offset + len, bom, false);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        byte[] head = new byte[4];
        int n = 0;
        for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
            n += r; // what the bootstrapper reads before it judges: 4 bytes, or all there are
        }
        int bom = utf8(head, 0, n);
        if (bom < 0) {
            return super._createParser(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in), context);
        }
        context.setEncoding(JsonEncoding.UTF8);
        byte[] buffer = context.allocReadIOBuffer();
        System.arraycopy(head, 0, buffer, 0, n);
        return new Utf8Parser(context, _parserFeatures, in, _objectCodec, _byteSymbolCanonicalizer.makeChild(
                _factoryFeatures), buffer, bom, n, bom, true);
    }

    /** {@link #utf8Bom}, when field names are canonicalized (the bootstrapper makes another parser when not). */
    private int utf8(byte[] b, int from, int n) {
        return isEnabled(Feature.CANONICALIZE_FIELD_NAMES) ? utf8Bom(b, from, n) : -1;
    }

    /**
     * The length of the UTF-8 byte order mark Jackson's bootstrapper skips (0 or 3) when it reads
     * {@code b[from, from + n)}, the input's first bytes, as UTF-8; -1 when it would look further
     * (a zero byte in the first four, a UTF-16 mark) and may take it for UTF-16 or UTF-32.
     */
    static int utf8Bom(byte[] b, int from, int n) {
        for (int i = 0; i < Math.min(n, 4); i++) {
            if (b[from + i] == 0) {
                return -1;
            }
        }
        if (n >= 2) {
            int first = b[from] & 0xFF;
            int second = b[from + 1] & 0xFF;
            if (first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE) {
                return -1;
            }
        }
        return n >= 4 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB && (b[from + 2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
