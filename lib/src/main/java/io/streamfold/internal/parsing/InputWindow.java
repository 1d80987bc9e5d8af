package io.streamfold.internal.parsing;

import io.streamfold.internal.json.Words;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of an incremental input that have arrived and are still needed, read by one
 * long-lived blocking parser as an input stream. The parser is only stepped when the
 * {@link Framer} has seen all the step reads, so it never asks for bytes that have not come;
 * if it did, that is a bug of ours, said loudly. An unframed step runs under a read limit instead,
 * and reading past it throws {@link OutOfInput}, which undoes the step. Bytes are forgotten
 * once both the parser and the framer are past them.
 */
final class InputWindow extends InputStream implements SseFilter.Sink {

    private static final int INITIAL = 16 * 1024;
    private static final int SHRINK_ABOVE = 1 << 20;
    private static final byte[] NONE = {};

    private byte[] bytes = new byte[INITIAL];
    /** The input position of {@code bytes[0]}. */
    private long start;
    private int length;
    /** The next byte the parser gets. */
    private int read;
    /** The input position the parser may not read past while a step that can be undone runs. */
    private long readLimit = Long.MAX_VALUE;
    private boolean ended;
    /** While Jackson sniffs the encoding, it asks for 4 bytes whatever has arrived. */
    private boolean bootstrapping;
    /** Strict UTF-8 over the bytes as they arrive, or null (UTF-16 or UTF-32 input). */
    private Utf8Guard guard;
    /** The bytes before this index have been guarded. */
    private int guarded;

    void guard(Utf8Guard guard) {
        this.guard = guard;
    }

    byte[] bytes() {
        return bytes;
    }

    long start() {
        return start;
    }

    /** The input position after the last byte that has arrived. */
    long limit() {
        return start + length;
    }

    /** The input is complete: past its last byte, the parser sees the end. */
    void endInput() {
        ended = true;
    }

    void bootstrapping(boolean on) {
        bootstrapping = on;
    }

    /** Forgets the bytes before {@code position} that the parser has taken too. */
    void compact(long position) {
        int drop = (int) Math.min(position - start, read);
        if (drop <= 0) {
            return;
        }
        System.arraycopy(bytes, drop, bytes, 0, length - drop);
        length -= drop;
        read -= drop;
        guarded -= drop;
        start += drop;
        if (bytes.length > SHRINK_ABOVE && length < bytes.length / 4) {
            byte[] big = bytes;
            bytes = Arrays.copyOf(bytes, Math.max(INITIAL, length * 2)); // a huge chunk passed: not kept for good
            WindowBuffers.give(big);
        }
    }

    @Override
    public void write(byte b) {
        room(1);
        bytes[length] = b;
        arrived(1);
    }

    @Override
    public void write(byte[] from, int offset, int count) {
        room(count);
        System.arraycopy(from, offset, bytes, length, count);
        arrived(count);
    }

    @Override
    public void fill(byte b, int count) {
        room(count);
        SseFilter.fill(bytes, length, b, count);
        arrived(count);
    }

    /** The {@code count} bytes just put after {@code length} have arrived. */
    private void arrived(int count) {
        length += count;
    }

    /**
     * Guards the bytes that arrived since the last call, before the framer and the parser look at
     * them: one scan of all that a feed brought, not one for each piece the SSE filter writes.
     */
    void guardArrived() {
        if (guard != null && guarded < length) {
            guard.scan(bytes, guarded, length);
        }
        guarded = length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            byte[] bigger = WindowBuffers.take(length + more, bytes.length * 2);
            System.arraycopy(bytes, 0, bigger, 0, length);
            if (bytes.length > INITIAL) {
                WindowBuffers.give(bytes);
            }
            bytes = bigger;
        }
    }

    /** The fold is over: a grown window goes to the next one. */
    void release() {
        if (bytes.length > INITIAL) {
            WindowBuffers.give(bytes);
        }
        bytes = NONE;
        length = 0;
        read = 0;
        guarded = 0;
    }

    /**
     * Thrown when an undoable step reads past its limit: the step is undone and done again once
     * its bytes have arrived. One instance, without a stack trace: it is control flow.
     */
    static final class OutOfInput extends RuntimeException {
        static final OutOfInput INSTANCE = new OutOfInput();

        private OutOfInput() {
            super("the parser read past the limit of an undoable step", null, false, false);
        }
    }

    /** The parser may read up to {@code position} only (until {@link #unlimit}), else {@link OutOfInput}. */
    void limitTo(long position) {
        readLimit = position;
    }

    void unlimit() {
        readLimit = Long.MAX_VALUE;
    }

    /** The parser reads again from {@code position} (a new parser, for a step done again). */
    void rewind(long position) {
        read = (int) (position - start);
    }

    /**
     * The input position after the last line break at or after {@code from}, or -1 when none has
     * arrived. Each byte is looked at once: a line of megabytes arriving in pieces is not scanned again.
     */
    long afterLastLineBreak(long from) {
        int low = (int) Math.max(0, Math.max(from, lineScanned) - start);
        for (int i = length - 1; i >= low; i--) {
            if (bytes[i] == '\n') {
                lastLineBreak = start + i + 1;
                break;
            }
        }
        lineScanned = start + length;
        return lastLineBreak > from ? lastLineBreak : -1;
    }

    /** The input position after the last line break seen, and how far the input was looked at for one. */
    private long lastLineBreak = -1;
    private long lineScanned;

    /** Whether the bytes at input positions {@code [from, to)} hold anything but blanks. */
    boolean holdsToken(long from, long to) {
        for (int i = (int) (from - start), end = (int) (to - start); i < end; i++) {
            byte c = bytes[i];
            if (c == ' ' && i + 8 <= end) {
                i += Words.spaces(bytes, i) - 1; // the blanked event: line of filtered SSE, a word at a time
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** How many bytes the parser may take now. */
    private int readable() {
        return readLimit == Long.MAX_VALUE ? length : (int) Math.min(length, readLimit - start);
    }

    @Override
    public int read() {
        if (read >= readable()) {
            return endOfBytes();
        }
        return bytes[read++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int count) {
        int readable = readable();
        if (read >= readable) {
            return endOfBytes();
        }
        int n = Math.min(count, readable - read);
        System.arraycopy(bytes, read, into, offset, n);
        read += n;
        return n;
    }

    private int endOfBytes() {
        if (readLimit != Long.MAX_VALUE) {
            throw OutOfInput.INSTANCE;
        }
        if (ended || bootstrapping) {
            return -1;
        }
        throw new IllegalStateException("the parser read past the bytes that have arrived");
    }

    /** The window as a place to write bytes (what a decoder of the input gives). */
    java.io.OutputStream asOutputStream() {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) {
                InputWindow.this.write((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int count) {
                InputWindow.this.write(bytes, offset, count);
            }
        };
    }
}
