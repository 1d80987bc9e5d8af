package io.streamfold.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a lone UTF-16 surrogate as its JSON escape ({@code \ud83d}) instead of letting the
 * UTF-8 encoder replace it with {@code ?}. A stream cut between the two halves of an emoji
 * folds into text that ends in half a pair, and that half is what the provider sent: nothing the
 * user gave is lost. In JSON output surrogates only occur inside strings, where the escape means
 * exactly that char; in the table it shows the half as {@code \ud83d}. Pairs pass through untouched.
 */
final class LoneSurrogateEscapes extends FilterWriter {

    /** A high surrogate waiting to see whether a low one follows; 0 when none. */
    private char pendingHigh;

    LoneSurrogateEscapes(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(ch)) {
                out.write(high);
                out.write(ch);
                return;
            }
            escape(high);
        }
        if (Character.isHighSurrogate(ch)) {
            pendingHigh = ch;
        } else if (Character.isLowSurrogate(ch)) {
            escape(ch);
        } else {
            out.write(ch);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        int run = offset; // the start of a run with no surrogate, written in one call
        for (int i = offset; i < end; i++) {
            if (Character.isSurrogate(chars[i]) || pendingHigh != 0) {
                out.write(chars, run, i - run);
                write(chars[i]);
                run = i + 1;
            }
        }
        out.write(chars, run, end - run);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    @Override
    public void flush() throws IOException {
        if (pendingHigh != 0) {
            escape(pendingHigh); // a pair is never split across a flush of whole values
            pendingHigh = 0;
        }
        out.flush();
    }

    private void escape(char c) throws IOException {
        out.write(String.format("\\u%04x", (int) c));
    }
}
