package io.streamfold.internal.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An {@code application/vnd.amazon.eventstream} input read as the JSON Lines of its events
 * ({@link EventStreamDecoder}): what a blocking reader of JSON Lines can be handed instead of the
 * raw frames.
 */
public final class EventStreamInput extends InputStream {

    private final InputStream raw;
    private final Lines lines = new Lines();
    private final EventStreamDecoder decoder = new EventStreamDecoder(lines);
    private final byte[] chunk = new byte[8192];
    private int position;
    private boolean ended;

    /** Reads {@code raw}'s frames (from its first byte) as JSON Lines. */
    public EventStreamInput(InputStream raw) {
        this.raw = raw;
    }

    @Override
    public int read() throws IOException {
        return fill() ? lines.bytes()[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, lines.size() - position);
        System.arraycopy(lines.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    /** True when decoded bytes are waiting; reads and decodes more input until some are, or the input ends. */
    private boolean fill() throws IOException {
        while (position >= lines.size()) {
            if (ended) {
                return false;
            }
            lines.reset();
            position = 0;
            int n = raw.read(chunk);
            if (n < 0) {
                ended = true;
                decoder.finish();
            } else {
                decoder.feed(chunk, 0, n);
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** The decoded lines waiting to be read, without copying them out. */
    private static final class Lines extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
