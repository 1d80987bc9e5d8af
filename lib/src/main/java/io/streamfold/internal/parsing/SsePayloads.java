package io.streamfold.internal.parsing;

import java.util.Arrays;

/**
 * The {@link SseFilter} for readers other than the assembler's (the recording writer): SSE text in,
 * the sequence of JSON payloads it carries out, blanks where the text was no payload and
 * {@code [DONE]} blanked, so a JSON parser reads one value per event.
 */
public final class SsePayloads implements SseFilter.Sink {

    private final SseFilter filter = new SseFilter();
    private byte[] out = new byte[1024];
    private int length;

    /**
     * Filters the next bytes of the SSE text.
     *
     * @return how many bytes {@link #bytes()} holds now (as many as went in, or fewer or more:
     *     a field name is held until it is known)
     */
    public int filter(byte[] in, int offset, int count) {
        length = 0;
        filter.write(in, offset, count, this);
        return length;
    }

    /** Flushes what the filter holds at the end of the text; returns how many bytes {@link #bytes()} holds. */
    public int finish() {
        length = 0;
        filter.finish(this);
        return length;
    }

    /** The filtered bytes of the last call, valid until the next one. */
    public byte[] bytes() {
        return out;
    }

    @Override
    public void write(byte b) {
        ensure(1);
        out[length++] = b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, out, length, count);
        length += count;
    }

    @Override
    public void fill(byte b, int count) {
        ensure(count);
        Arrays.fill(out, length, length + count, b);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
