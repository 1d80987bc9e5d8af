package io.streamfold.internal.writer;

import io.streamfold.StreamWriter.Chunking;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts text into deltas by a chunking policy, between code points; one generator per stream. */
final class Pieces {

    /** A word with its leading whitespace, one other mark with its leading whitespace, or trailing whitespace. */
    private static final Pattern TOKEN = Pattern.compile("\\s*[\\p{L}\\p{N}_]+|\\s*[^\\s\\p{L}\\p{N}_]|\\s+");

    private final Chunking chunking;
    private final SplittableRandom random;

    Pieces(Chunking chunking) {
        this.chunking = chunking;
        this.random = new SplittableRandom(chunking.seed());
    }

    /** The pieces, which join to the text; none for null or empty text. */
    List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        if (chunking.isPerToken()) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                pieces.add(m.group());
            }
            return pieces;
        }
        int at = 0;
        while (at < text.length()) {
            int size = chunking.min() == chunking.max() ? chunking.min() : random.nextInt(chunking.min(), chunking.max() + 1);
            int end = at;
            for (int n = 0; n < size && end < text.length(); n++) {
                end += Character.charCount(text.codePointAt(end));
            }
            pieces.add(text.substring(at, end));
            at = end;
        }
        return pieces;
    }
}
