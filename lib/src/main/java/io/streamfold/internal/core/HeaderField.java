package io.streamfold.internal.core;

import io.streamfold.internal.json.Diagnostics;
import java.util.Arrays;

/**
 * A header field of the stream (id, model, ...): the first value is kept, and a different later
 * one is a warning. Chunks repeat some of these on every chunk, so a value is compared straight
 * from the parser's buffer, without a copy.
 */
final class HeaderField {

    private final String name;
    private final Diagnostics diagnostics;
    private String value;
    private char[] chars;
    /**
     * What the last chunk offered (the hot path's values only), for {@link #differsFromLast}: the
     * kept value itself on most chunks ({@code lastIsKept}), else a copy in {@code last}.
     */
    private boolean lastKnown;
    private boolean lastIsKept;
    private char[] last;
    private int lastLength;

    HeaderField(String name, Diagnostics diagnostics) {
        this.name = name;
        this.diagnostics = diagnostics;
    }

    String value() {
        return value;
    }

    void offer(CharSequence candidate) {
        if (candidate == null || candidate.length() == 0) {
            return;
        }
        if (value == null) {
            set(candidate.toString());
        } else if (!value.contentEquals(candidate)) {
            changed(candidate);
        }
    }

    void offer(char[] source, int offset, int length) {
        if (length == 0) {
            return;
        }
        lastKnown = true;
        if (value == null) {
            set(new String(source, offset, length));
            lastIsKept = true;
        } else if (Arrays.equals(chars, 0, chars.length, source, offset, offset + length)) {
            lastIsKept = true;
        } else {
            lastIsKept = false;
            remember(source, offset, length);
            changed(new String(source, offset, length));
        }
    }

    /**
     * The kept value when the last chunk offered it too: offering it again changes nothing, so a
     * chunk that repeats it need not be decoded to be offered. Null otherwise.
     */
    String lastOfferedIfKept() {
        return lastKnown && lastIsKept ? value : null;
    }

    /** An authoritative value (a final response) replaces the first one without a warning. */
    void override(String authoritative) {
        if (authoritative != null) {
            set(authoritative);
        }
    }

    /** Forgets the value: a new response of the stream begins. */
    void reset() {
        value = null;
        chars = null;
        lastKnown = false;
    }

    /**
     * Whether this value differs from the one the last chunk offered (false while none was): the
     * kept value is the first, but a stream's next response is told from the value before.
     */
    boolean differsFromLast(char[] source, int offset, int length) {
        if (!lastKnown || length == 0) {
            return false;
        }
        return lastIsKept ? !Arrays.equals(chars, 0, chars.length, source, offset, offset + length)
                : !Arrays.equals(last, 0, lastLength, source, offset, offset + length);
    }

    /** Copies a value that differs from the kept one, as the last offered. */
    private void remember(char[] source, int offset, int length) {
        if (last == null || last.length < length) {
            last = new char[Math.max(length, 16)];
        }
        System.arraycopy(source, offset, last, 0, length);
        lastLength = length;
    }

    private void set(String v) {
        value = v;
        chars = v.toCharArray();
    }

    private void changed(CharSequence candidate) {
        diagnostics.warn(name + "-changed", name.replace('_', '-') + "-changed",
                "the stream's " + name + " changed from '" + value + "' to '" + candidate + "'; the first is kept");
    }
}
