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
        if (value == null) {
            set(new String(source, offset, length));
        } else if (!Arrays.equals(chars, 0, chars.length, source, offset, offset + length)) {
            changed(new String(source, offset, length));
        }
    }

    /** An authoritative value (a final response) replaces the first one without a warning. */
    void override(String authoritative) {
        if (authoritative != null) {
            set(authoritative);
        }
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
