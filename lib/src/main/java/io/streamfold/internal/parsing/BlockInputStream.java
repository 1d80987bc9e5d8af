package io.streamfold.internal.parsing;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that is read in blocks, as Jackson reads: {@link #read()} is one byte through
 * {@link #read(byte[], int, int)}, so a subclass writes its logic once.
 */
abstract class BlockInputStream extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] into, int offset, int length) throws IOException;
}
