package io.streamfold.internal.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Text folded from many small deltas. A single StringBuilder would copy all of itself at every
 * doubling: here text fills a tail of at most {@value #SEGMENT} characters (a StringBuilder, so
 * Latin-1 text takes one byte a character), each full tail becomes a String, and
 * {@link #toString()} joins them with one exact allocation. Garbage stays near the size of the
 * text itself, whatever the number of deltas.
 */
public final class TextAccumulator implements CharSequence {

    private static final int SEGMENT = 8192;

    private final StringBuilder tail = new StringBuilder();
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
            int n = Math.min(count, SEGMENT - tail.length());
            tail.append(chars, offset, n);
            offset += n;
            count -= n;
            if (tail.length() == SEGMENT) {
                flushTail();
            }
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
        segments.add(tail.toString());
        segmentsLength += tail.length();
        tail.setLength(0); // keeps its capacity for the next segment
    }

    /** Forgets the text (an authoritative value replaces what the deltas built). */
    public void clear() {
        tail.setLength(0);
        segments = null;
        segmentsLength = 0;
        cached = null;
    }

    @Override
    public int length() {
        return segmentsLength + tail.length();
    }

    @Override
    public char charAt(int index) {
        if (index >= segmentsLength) {
            return tail.charAt(index - segmentsLength);
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
                cached = tail.toString();
            } else {
                List<String> all = new ArrayList<>(segments);
                all.add(tail.toString());
                cached = String.join("", all); // one allocation of the exact size
            }
        }
        return cached;
    }
}
