package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;

/**
 * A reusable, growable char buffer: the scratch space where a chunk's text waits until the
 * chunk says where it belongs (key order is free, so {@code index} may come after {@code delta}).
 * Reused chunk after chunk, so the hot path allocates nothing.
 */
public final class CharBuf implements CharSequence {

    private char[] chars = new char[64];
    private int length;
    /** Whether a value (possibly empty) was set since the last reset: "" is not the same as absent. */
    private boolean present;

    public void reset() {
        length = 0;
        present = false;
    }

    public boolean present() {
        return present;
    }

    /** Appends the parser's current string token without making a String of it. */
    public void appendText(JsonParser p) throws IOException {
        append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    public void append(char[] source, int offset, int count) {
        present = true;
        int needed = length + count;
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
        System.arraycopy(source, offset, chars, length, count);
        length = needed;
    }

    public void append(CharSequence text) {
        present = true;
        int count = text.length();
        int needed = length + count;
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
        for (int i = 0; i < count; i++) {
            chars[length + i] = text.charAt(i);
        }
        length = needed;
    }

    public char[] array() {
        return chars;
    }

    /** Returns true when this holds exactly the given text. */
    public boolean contentEquals(CharSequence s) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Returns true when this holds no text (absent, or present and empty). */
    public boolean isEmpty() {
        return length == 0;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
