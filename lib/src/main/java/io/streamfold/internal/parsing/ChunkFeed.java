package io.streamfold.internal.parsing;

import java.io.InputStream;

/**
 * Hands one framed chunk at a time to a long-lived blocking parser, so incremental assembly does
 * not build a parser per chunk. The parser is only asked for the next token once a whole chunk
 * is here, so it never reads past one; reading past it is a bug of ours, said loudly.
 */
final class ChunkFeed extends InputStream {

    private byte[] bytes;
    private int position;
    private int end;
    private boolean ended;
    /** While Jackson sniffs the encoding, it asks for 4 bytes whatever the chunk's size. */
    private boolean bootstrapping;

    void set(byte[] source, int offset, int length) {
        bytes = source;
        position = offset;
        end = offset + length;
    }

    /**
     * Jackson's bootstrapper reads up to 4 bytes to detect the encoding, even past a chunk as short
     * as {@code {}}. Until the parser exists, the end of the chunk reads as a short input, which
     * the bootstrapper accepts without closing anything.
     */
    void bootstrapping(boolean on) {
        bootstrapping = on;
    }

    /** No chunk follows: after this one, the parser sees the end of the input. */
    void end() {
        ended = true;
    }

    @Override
    public int read() {
        if (position >= end) {
            return endOfChunk();
        }
        return bytes[position++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (position >= end) {
            return endOfChunk();
        }
        int n = Math.min(length, end - position);
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        return n;
    }

    private int endOfChunk() {
        if (ended || bootstrapping) {
            return -1;
        }
        throw new IllegalStateException("the chunk parser read past its chunk");
    }
}
