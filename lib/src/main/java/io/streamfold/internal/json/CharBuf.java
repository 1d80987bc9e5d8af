package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growable char buffer: the scratch space where a chunk's text waits until the
 * chunk says where it belongs (key order is free, so {@code index} may come after {@code delta}).
 * Reused chunk after chunk, so the hot path allocates nothing.
 */
public final class CharBuf implements CharSequence {

    /**
     * From this many chars a string is large: read through {@link JsonParser#getText(Writer)},
     * which spares Jackson's joined copy of its segments, into an array of its exact size (Latin-1
     * bytes while it is Latin-1) that a {@code TextAccumulator} may then share instead of copying.
     */
    public static final int LARGE = 1 << 20;

    private char[] chars = new char[64];
    private int length;
    /** Whether a value (possibly empty) was set since the last reset: "" is not the same as absent. */
    private boolean present;
    /** A large text that is Latin-1, one byte a char; {@code chars} then holds nothing. */
    private byte[] latin1;
    /** The text is one large string read whole: {@code chars} (or {@code latin1}) is never written again. */
    private boolean large;

    public void reset() {
        length = 0;
        present = false;
        if (large) {
            large = false;
            latin1 = null;
            if (chars.length >= LARGE) {
                chars = new char[64]; // shared with an accumulator, maybe: never written again
            }
        }
    }

    public boolean present() {
        return present;
    }

    /** Appends the parser's current string token without making a String of it. */
    public void appendText(JsonParser p) throws IOException {
        if (length == 0 && !large) {
            int n = p.getTextLength();
            if (n >= LARGE) {
                readLarge(p, n);
                return;
            }
        }
        append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** Whether the text is one large string, held in an array of its own that is never written again. */
    public boolean large() {
        return large;
    }

    /** The large text's Latin-1 bytes, or null when it is held as chars. */
    public byte[] latin1() {
        return latin1;
    }

    private void readLarge(JsonParser p, int n) throws IOException {
        present = true;
        latin1 = new byte[n];
        chars = NO_CHARS;
        p.getText(new Writer() {
            @Override
            public void write(char[] from, int offset, int count) {
                for (int i = offset; i < offset + count; i++) {
                    char c = from[i];
                    if (latin1 != null && c <= 0xFF) {
                        latin1[length++] = (byte) c;
                        continue;
                    }
                    if (latin1 != null) {
                        inflate(n);
                    }
                    chars[length++] = c;
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        large = true;
    }

    private static final char[] NO_CHARS = new char[0];

    /** Turns Latin-1 bytes into chars, in an array of at least {@code capacity}. */
    private void inflate(int capacity) {
        char[] wide = new char[Math.max(capacity, length)];
        for (int i = 0; i < length; i++) {
            wide[i] = (char) (latin1[i] & 0xFF);
        }
        chars = wide;
        latin1 = null;
    }

    /** Before writing: a large text's array is shared, so it is copied (once) into one to grow. */
    private void unshare(int needed) {
        if (large) {
            large = false;
            if (latin1 != null) {
                inflate(Math.max(needed, length * 2));
            } else {
                chars = Arrays.copyOf(chars, Math.max(needed, length * 2));
            }
        }
    }

    public void append(char[] source, int offset, int count) {
        present = true;
        int needed = length + count;
        unshare(needed);
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
        unshare(needed);
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
        for (int i = 0; i < count; i++) {
            chars[length + i] = text.charAt(i);
        }
        length = needed;
    }

    /** The chars; a large Latin-1 text is widened first. */
    public char[] array() {
        if (latin1 != null) {
            unshare(length);
        }
        return chars;
    }

    /** Returns true when this holds exactly the given text. */
    public boolean contentEquals(CharSequence s) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (charAt(i) != s.charAt(i)) {
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
        return latin1 != null ? (char) (latin1[index] & 0xFF) : chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        java.util.Objects.checkFromToIndex(start, end, length);
        return latin1 != null ? new String(latin1, start, end - start, StandardCharsets.ISO_8859_1)
                : new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return latin1 != null ? new String(latin1, 0, length, StandardCharsets.ISO_8859_1) : new String(chars, 0, length);
    }
}
