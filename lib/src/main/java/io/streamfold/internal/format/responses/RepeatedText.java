package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.internal.core.TextAccumulator;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Utf8Parser;
import java.io.IOException;
import java.io.Writer;

/**
 * A string that repeats what the deltas built ({@code .done} texts, a finished item's arguments),
 * read against that text as the parser hands it over, piece by piece: kept only when it differs.
 * {@link Utf8Parser#stringTo} decodes the pieces straight from the input buffer, so a repeated
 * text of megabytes costs neither a copy of itself nor Jackson's text buffer grown to hold it.
 * Reused value after value.
 */
final class RepeatedText extends Writer {

    private TextAccumulator built;
    private int at;
    private CharBuf into;
    private boolean differs;

    /**
     * Reads the string the parser stands on. True when it is exactly {@code built}; else it is
     * appended to {@code into}, whole.
     */
    boolean same(JsonParser p, TextAccumulator built, CharBuf into) throws IOException {
        this.built = built;
        this.into = into;
        at = 0;
        differs = false;
        try {
            Utf8Parser.stringTo(p, this);
            if (!differs && at < built.length()) {
                keepPrefix(); // shorter than the deltas' text
            }
            return !differs;
        } finally {
            this.built = null;
            this.into = null;
        }
    }

    @Override
    public void write(char[] chars, int offset, int count) {
        if (differs) {
            into.append(chars, offset, count);
            return;
        }
        int n = Math.min(count, built.length() - at);
        int same = built.matching(at, chars, offset, n);
        if (same == count) {
            at += count;
            return;
        }
        at += same;
        keepPrefix();
        into.append(chars, offset + same, count - same);
    }

    /** From here on the text differs: what matched so far is the deltas' text up to {@link #at}. */
    private void keepPrefix() {
        differs = true;
        into.append(built.subSequence(0, at));
    }

    @Override
    public void write(char[] chars) {
        write(chars, 0, chars.length);
    }

    @Override
    public void write(String s, int offset, int count) {
        write(s.substring(offset, offset + count).toCharArray(), 0, count);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
