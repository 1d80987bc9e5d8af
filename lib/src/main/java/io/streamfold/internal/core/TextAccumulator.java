package io.streamfold.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text folded from many small deltas. A StringBuilder would copy itself at every doubling and
 * once more into its String: here text fills a reused segment, each full segment becomes a
 * String, and {@link #toString()} joins them with one exact allocation. Garbage stays near
 * the size of the text itself, whatever the number of deltas.
 */
public final class TextAccumulator implements CharSequence {

    private static final int SEGMENT = 8192;

    private char[] tail = new char[32];
    private int tailLength;
    private List<String> segments;
    private int segmentsLength;
    /** The last String made, while nothing has been appended since. */
    private String cached;

    public void append(char[] chars, int offset, int count) {
        if (count == 0) {
            return;
        }
        cached = null;
        while (count > 0) {
            if (tailLength == tail.length) {
                if (tail.length < SEGMENT) {
                    tail = Arrays.copyOf(tail, Math.min(SEGMENT, tail.length * 4));
                } else {
                    flushTail();
                }
            }
            int n = Math.min(count, tail.length - tailLength);
            System.arraycopy(chars, offset, tail, tailLength, n);
            tailLength += n;
            offset += n;
            count -= n;
        }
    }

    public void append(CharSequence text) {
        if (text instanceof CharBuf buf) {
            append(buf.array(), 0, buf.length());
        } else {
            String s = text.toString();
            append(s.toCharArray(), 0, s.length());
        }
    }

    private void flushTail() {
        if (segments == null) {
            segments = new ArrayList<>();
        }
        segments.add(new String(tail, 0, tailLength));
        segmentsLength += tailLength;
        tailLength = 0;
    }

    /** Forgets the text (an authoritative value replaces what the deltas built). */
    public void clear() {
        tailLength = 0;
        segments = null;
        segmentsLength = 0;
        cached = null;
    }

    @Override
    public int length() {
        return segmentsLength + tailLength;
    }

    @Override
    public char charAt(int index) {
        if (index >= segmentsLength) {
            return tail[index - segmentsLength];
        }
        for (String segment : segments) {
            if (index < segment.length()) {
                return segment.charAt(index);
            }
            index -= segment.length();
        }
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public boolean isEmpty() {
        return length() == 0;
    }

    @Override
    public String toString() {
        if (cached == null) {
            if (segments == null) {
                cached = new String(tail, 0, tailLength);
            } else {
                List<String> all = new ArrayList<>(segments);
                all.add(new String(tail, 0, tailLength));
                cached = String.join("", all); // one allocation of the exact size
            }
        }
        return cached;
    }
}
