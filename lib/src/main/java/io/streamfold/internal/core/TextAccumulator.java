package io.streamfold.internal.core;

import io.streamfold.internal.json.CharBuf;
import java.nio.charset.StandardCharsets;

/**
 * Text folded from many small deltas, in one growing char array made into a String once (and
 * again only after more text arrives). The array comes from {@link TextBuffers} and goes back there
 * when the assembly ends ({@link #release()}), so in steady use the text costs only its String.
 * A large first piece ({@link CharBuf#large()}) is shared with the buffer it was read into, as
 * Latin-1 bytes when it is Latin-1, and copied only if more text follows: one huge delta costs its
 * bytes once there and once as the String.
 */
public final class TextAccumulator implements CharSequence {

    private static final char[] NONE = new char[0];
    /** The first buffer of a text whose first piece is short. */
    private static final int SMALL = 32;

    private char[] chars = NONE;
    private int length;
    /** A large first piece shared with the {@link CharBuf} it was read into, Latin-1 bytes: {@code chars} is NONE. */
    private byte[] latin1;
    /** {@code chars} is a large first piece's array, shared: never written, never pooled. */
    private boolean shared;
    /** The last String made, while nothing has been appended since; the text itself once released. */
    private String cached;

    public void append(char[] source, int offset, int count) {
        if (count == 0) {
            return;
        }
        int end = length + count;
        if (end > chars.length) {
            grow(end);
        }
        System.arraycopy(source, offset, chars, length, count);
        length = end;
        cached = null;
    }

    public void append(CharSequence text) {
        if (text instanceof CharBuf buf && buf.large() && length == 0) {
            adopt(buf);
        } else if (text instanceof CharBuf buf) {
            append(buf.array(), 0, buf.length());
        } else {
            String s = text.toString();
            append(s.toCharArray(), 0, s.length());
        }
    }

    /**
     * A large text as the first piece: its array is taken as it is, not copied (a 50 MB delta then
     * costs its bytes once here, and once as the final String). The buffer never writes it again.
     */
    private void adopt(CharBuf buf) {
        clear();
        if (chars != NONE) {
            TextBuffers.give(chars); // an empty buffer of its own, cleared before
            chars = NONE;
        }
        latin1 = buf.latin1();
        if (latin1 == null) {
            chars = buf.array();
            shared = true;
        }
        length = buf.length();
    }

    private void grow(int min) {
        if (chars == NONE && length == 0 && min <= SMALL) {
            // Most texts of a stream are short (a call's arguments, a refusal): no pooled buffer for them.
            chars = new char[SMALL];
            return;
        }
        char[] bigger = TextBuffers.take(min, Math.max(chars.length, length) * 2);
        if (chars != NONE) {
            System.arraycopy(chars, 0, bigger, 0, length);
            if (!shared) {
                TextBuffers.give(chars);
            }
            shared = false;
        } else if (latin1 != null) {
            for (int i = 0; i < length; i++) {
                bigger[i] = (char) (latin1[i] & 0xFF);
            }
            latin1 = null;
        } else if (length > 0) {
            cached.getChars(0, length, bigger, 0); // released, then appended to again
        }
        chars = bigger;
    }

    /** Forgets the text (an authoritative value replaces what the deltas built). */
    public void clear() {
        length = 0;
        cached = null;
        latin1 = null;
        if (shared) {
            chars = NONE;
            shared = false;
        }
    }

    /**
     * Hands the buffer back for the next assembly. The text stays readable (as its String), and
     * appending again takes a new buffer.
     */
    public void release() {
        toString();
        if (chars != NONE) {
            if (!shared) {
                TextBuffers.give(chars);
            }
            chars = NONE;
            shared = false;
        }
    }

    /** Whether this holds exactly the chars of {@code s}, compared in place (a String a piece at a time). */
    public boolean contentEquals(CharSequence s) {
        if (s == this || s == cached) {
            return true; // itself, or the String it made and has not appended to since
        }
        if (s.length() != length) {
            return false;
        }
        if (s instanceof String str && chars != NONE) {
            char[] piece = new char[Math.min(length, 4096)];
            for (int at = 0; at < length; at += piece.length) {
                int n = Math.min(piece.length, length - at);
                str.getChars(at, at + n, piece, 0);
                if (matching(at, piece, 0, n) != n) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (charAt(i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** How many of {@code count} chars of {@code other} from {@code offset} equal this text's from {@code at} on. */
    public int matching(int at, char[] other, int offset, int count) {
        if (count <= 0) {
            return 0;
        }
        if (chars == NONE) {
            int i = 0;
            while (i < count && cached.charAt(at + i) == other[offset + i]) {
                i++;
            }
            return i;
        }
        int m = java.util.Arrays.mismatch(chars, at, at + count, other, offset, offset + count);
        return m < 0 ? count : m;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars != NONE ? chars[index] : latin1 != null ? (char) (latin1[index] & 0xFF) : cached.charAt(index);
    }

    /** The chars from {@code start} to {@code end}, made from the buffer: no String of the whole text. */
    @Override
    public CharSequence subSequence(int start, int end) {
        java.util.Objects.checkFromToIndex(start, end, length);
        if (start == end) {
            return "";
        }
        if (chars != NONE) {
            return new String(chars, start, end - start);
        }
        if (latin1 != null) {
            return new String(latin1, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return cached.substring(start, end);
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    @Override
    public String toString() {
        if (cached == null) {
            if (latin1 != null) {
                cached = new String(latin1, 0, length, StandardCharsets.ISO_8859_1);
                latin1 = null; // the String is the text now
            } else {
                cached = length == 0 ? "" : new String(chars, 0, length);
                if (shared) {
                    chars = NONE;
                    shared = false;
                }
            }
        }
        return cached;
    }
}
