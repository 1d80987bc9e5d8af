package io.streamfold.internal.parsing;

import java.io.IOException;
import java.io.InputStream;

/** An input stream of SSE text, read through an {@link SseFilter}: a parser sees only the JSON payloads. */
final class SseInputStream extends BlockInputStream {

    private final InputStream in;
    private final SseFilter filter = new SseFilter();
    private final byte[] raw = new byte[16 * 1024];
    private byte[] out = new byte[16 * 1024 + 64];
    private int outStart;
    private int outEnd;
    private boolean eof;

    SseInputStream(InputStream in) {
        this.in = in;
    }

    SseFilter filter() {
        return filter;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (outStart == outEnd) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, outEnd - outStart);
        System.arraycopy(out, outStart, b, off, n);
        outStart += n;
        return n;
    }

    private void fill() throws IOException {
        outStart = 0;
        outEnd = 0;
        int n = in.read(raw, 0, raw.length);
        if (n < 0) {
            eof = true;
            filter.finish(sink);
        } else {
            filter.write(raw, 0, n, sink);
        }
    }

    private final SseFilter.Sink sink = new SseFilter.Sink() {
        @Override
        public void write(byte b) {
            if (outEnd == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[outEnd++] = b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            room(length);
            System.arraycopy(bytes, offset, out, outEnd, length);
            outEnd += length;
        }

        @Override
        public void fill(byte b, int count) {
            room(count);
            SseFilter.fill(out, outEnd, b, count);
            outEnd += count;
        }

        private void room(int length) {
            if (outEnd + length > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, outEnd + length));
            }
        }
    };

    @Override
    public void close() throws IOException {
        in.close();
    }
}
