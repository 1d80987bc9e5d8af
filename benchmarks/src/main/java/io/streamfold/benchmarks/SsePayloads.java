package io.streamfold.benchmarks;

import java.io.InputStream;

/**
 * The JSON payloads of SSE text, one a line: what a parser must see of an SSE stream. Lines that
 * are not {@code data:} lines, and {@code data: [DONE]}, are dropped; payloads are copied in bulk.
 * The least work any SSE reader does before its parser: the framing part of the
 * {@code jacksonScan} ceiling on SSE input.
 */
final class SsePayloads extends InputStream {

    private final byte[] in;
    private final int end;
    private int pos;
    private int copyFrom;
    private int copyTo;
    private boolean newline;
    private int nextLine;

    SsePayloads(byte[] in) {
        this.in = in;
        this.end = in.length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
            if (copyFrom < copyTo) {
                int k = Math.min(len - n, copyTo - copyFrom);
                System.arraycopy(in, copyFrom, b, off + n, k);
                copyFrom += k;
                n += k;
            } else if (newline) {
                b[off + n++] = '\n';
                newline = false;
                pos = nextLine;
            } else if (pos >= end) {
                break;
            } else {
                line();
            }
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    /** Reads the line at {@code pos}: a payload is set up to be copied, anything else is passed over. */
    private void line() {
        int eol = pos;
        while (eol < end && in[eol] != '\n') {
            eol++;
        }
        int lineEnd = eol > pos && in[eol - 1] == '\r' ? eol - 1 : eol;
        if (lineEnd - pos >= 5 && in[pos] == 'd' && in[pos + 1] == 'a' && in[pos + 2] == 't' && in[pos + 3] == 'a'
                && in[pos + 4] == ':') {
            int start = pos + 5;
            if (start < lineEnd && in[start] == ' ') {
                start++;
            }
            if (!(lineEnd - start == 6 && in[start] == '[' && in[start + 1] == 'D')) { // [DONE]
                copyFrom = start;
                copyTo = lineEnd;
                newline = true;
                nextLine = eol + 1;
                return;
            }
        }
        pos = eol + 1;
    }
}
