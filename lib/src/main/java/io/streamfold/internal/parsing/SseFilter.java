package io.streamfold.internal.parsing;

import io.streamfold.internal.json.Words;

/**
 * Turns Server-Sent Events text into a sequence of JSON values of the same length: every byte
 * that is not part of a {@code data:} payload becomes a space (line breaks stay), and
 * {@code [DONE]} is blanked too. A JSON parser then reads one chunk per event, and its line and
 * column numbers are the SSE text's own.
 *
 * <p>A push transducer: bytes in, the same number of bytes out, possibly later (a field name or a
 * possible {@code [DONE]} is held until it is known). State carries across calls, so input may be
 * split anywhere. Not thread-safe.
 */
final class SseFilter {

    /** Receives filtered bytes. */
    interface Sink {
        void write(byte b);

        /** A run of payload bytes, copied as they are. */
        void write(byte[] bytes, int offset, int length);

        /** A run of one byte (blanks for what is not payload). */
        void fill(byte b, int count);
    }

    private static final byte SPACE = ' ';
    private static final byte[] BLANKS = new byte[64];

    static {
        java.util.Arrays.fill(BLANKS, SPACE);
    }

    /** Fills as {@code Arrays.fill} does; a short run of blanks (a field name, a prefix) by a copy, which is faster. */
    static void fill(byte[] into, int at, byte b, int count) {
        if (b == SPACE && count <= BLANKS.length) {
            System.arraycopy(BLANKS, 0, into, at, count);
        } else {
            java.util.Arrays.fill(into, at, at + count, b);
        }
    }
    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};
    private static final int MAX_FIELD = 16;

    private enum State { LINE_START, FIELD, AFTER_COLON, DATA_START, DONE_CHECK, DONE_TAIL, DATA, IGNORE }

    private static final int[] BOM = {0xEF, 0xBB, 0xBF};
    private static final byte[] BOM_BYTES = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private State state = State.LINE_START;
    private int position;
    private int bomSoFar;
    private final byte[] held = new byte[64];
    private int heldCount;
    /** Lines with data: payloads seen, so an input that is all comments is recognisable. */
    private long dataLines;

    long dataLines() {
        return dataLines;
    }

    void write(byte[] in, int offset, int length, Sink out) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (state == State.LINE_START && position >= 3) {
                int next = wholeLine(in, i, end, out);
                if (next > i) {
                    i = next;
                    continue;
                }
            }
            if ((state == State.DATA || state == State.IGNORE) && position >= 3) {
                // A payload is copied, an ignored line (event:, id:, a comment) blanked, up to the line's end
                // in one go: the hot path of every SSE stream.
                int run = Words.lineEnd(in, i, end);
                if (run > i) {
                    if (state == State.DATA) {
                        out.write(in, i, run - i);
                    } else {
                        out.fill(SPACE, run - i);
                    }
                    i = run;
                    continue;
                }
            }
            step(in[i++], out);
        }
    }

    /**
     * A line that has arrived whole, from its start: filtered in one go, as the states would
     * filter it byte by byte (the hot path of every SSE stream: an event: line, a data: line, a
     * blank line). Returns the index after it, or {@code i} to leave it to the states (a line not
     * all here, a payload that may be {@code [DONE]}).
     */
    private int wholeLine(byte[] in, int i, int end, Sink out) {
        byte c = in[i];
        if (c == '\n' || c == '\r') {
            out.write(c); // the blank line that ends an event
            return i + 1;
        }
        int eol = Words.lineEnd(in, i, end);
        if (eol == end) {
            return i;
        }
        if (eol - i >= 5 && c == 'd' && in[i + 1] == 'a' && in[i + 2] == 't' && in[i + 3] == 'a' && in[i + 4] == ':') {
            int payload = in[i + 5] == ' ' ? i + 6 : i + 5; // in[eol] is a line break, so i + 5 is in bounds
            if (payload < eol && in[payload] == '[') {
                return i;
            }
            dataLines++;
            out.fill(SPACE, payload - i);
            out.write(in, payload, eol - payload);
        } else {
            out.fill(SPACE, eol - i); // another field (event:, id:, retry:) or a comment: nothing for us
        }
        out.write(in[eol]);
        return eol + 1;
    }

    /** Flushes what is held at the end of the input. */
    void finish(Sink out) {
        if (position < 3) {
            for (int i = 0; i < bomSoFar; i++) {
                stepAfterBom(BOM_BYTES[i], out); // a text shorter than a BOM
            }
            bomSoFar = 0;
            position = 3;
        }
        switch (state) {
            case FIELD:
            case DONE_TAIL:
                blankHeld(out);
                break;
            case DONE_CHECK:
                emitHeld(out);
                break;
            default:
                break;
        }
        state = State.LINE_START;
    }

    private void step(byte b, Sink out) {
        if (position < 3) {
            // A UTF-8 byte order mark opens the text: blank it, so the first field name is read right.
            position++;
            if ((b & 0xFF) == BOM[position - 1] && bomSoFar == position - 1) {
                bomSoFar++;
                if (bomSoFar == 3) {
                    out.write(SPACE);
                    out.write(SPACE);
                    out.write(SPACE);
                }
                return;
            }
            for (int i = 0; i < bomSoFar; i++) {
                stepAfterBom(BOM_BYTES[i], out);
            }
            bomSoFar = 0;
            position = 3;
        }
        stepAfterBom(b, out);
    }

    private void stepAfterBom(byte b, Sink out) {
        boolean newline = b == '\n' || b == '\r';
        switch (state) {
            case LINE_START:
                if (newline) {
                    out.write(b);
                } else {
                    heldCount = 0;
                    hold(b);
                    state = b == ':' ? State.IGNORE : State.FIELD;
                    if (state == State.IGNORE) {
                        blankHeld(out); // a comment line
                    }
                }
                break;
            case FIELD:
                if (b == ':') {
                    boolean data = heldCount == 4 && held[0] == 'd' && held[1] == 'a' && held[2] == 't' && held[3] == 'a';
                    hold(b);
                    blankHeld(out);
                    state = data ? State.AFTER_COLON : State.IGNORE;
                    if (data) {
                        dataLines++;
                    }
                } else if (newline) {
                    blankHeld(out); // a field with no value: nothing for us
                    out.write(b);
                    state = State.LINE_START;
                } else if (heldCount >= MAX_FIELD) {
                    blankHeld(out);
                    out.write(SPACE);
                    state = State.IGNORE;
                } else {
                    hold(b);
                }
                break;
            case AFTER_COLON:
                if (b == ' ') {
                    out.write(SPACE);
                    state = State.DATA_START;
                    break;
                }
                state = State.DATA_START;
                dataStart(b, out);
                break;
            case DATA_START:
                dataStart(b, out);
                break;
            case DONE_CHECK:
                if (heldCount < DONE.length && b == DONE[heldCount]) {
                    hold(b);
                    if (heldCount == DONE.length) {
                        state = State.DONE_TAIL;
                    }
                } else {
                    emitHeld(out);
                    state = State.DATA;
                    stepAfterBom(b, out);
                }
                break;
            case DONE_TAIL:
                if (newline) {
                    blankHeld(out);
                    out.write(b);
                    state = State.LINE_START;
                } else if (b == ' ' || b == '\t') {
                    hold(b);
                } else {
                    emitHeld(out);
                    state = State.DATA;
                    stepAfterBom(b, out);
                }
                break;
            case DATA:
                out.write(b);
                if (newline) {
                    state = State.LINE_START;
                }
                break;
            case IGNORE:
                if (newline) {
                    out.write(b);
                    state = State.LINE_START;
                } else {
                    out.write(SPACE);
                }
                break;
            default:
                throw new IllegalStateException(state.toString());
        }
    }

    private void dataStart(byte b, Sink out) {
        if (b == '[') {
            heldCount = 0;
            hold(b);
            state = State.DONE_CHECK;
        } else {
            state = State.DATA;
            stepAfterBom(b, out);
        }
    }

    private void hold(byte b) {
        held[heldCount++] = b;
    }

    private void blankHeld(Sink out) {
        out.fill(SPACE, heldCount);
        heldCount = 0;
    }

    private void emitHeld(Sink out) {
        for (int i = 0; i < heldCount; i++) {
            out.write(held[i]);
        }
        heldCount = 0;
    }
}
