package io.streamfold.benchmarks;

import java.util.Random;

/**
 * Deterministic text shaped like a model's output, cut into the pieces a token stream sends:
 * prose of common words with punctuation and paragraph breaks, now and then a non-ASCII word
 * (accents, CJK, an emoji as a surrogate pair) and a code block with quotes and backslashes.
 */
final class Text {

    private static final String[] WORDS = {
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "with", "on", "be", "by",
        "this", "are", "or", "from", "at", "which", "an", "can", "model", "stream", "token", "response",
        "function", "value", "request", "result", "example", "because", "between", "however", "together",
        "configuration", "performance", "parser", "record", "message", "assistant", "important", "number",
        "streaming", "different", "following", "information", "available", "experts", "parameters",
        "architecture", "generally", "recording", "benchmark", "throughput", "allocation", "buffer",
    };
    private static final String[] UNICODE = {
        "café", "naïve", "déjà", "Zürich", "São", "Ærø", "東京", "数据", "함께", "Привет", "ελληνικά",
        "—", "’", "“quoted”", "…", "\u00a0", "\u202f", "😀", "🚀", "✓",
    };
    private static final String[] CODE = {
        "\n\n```python\n",
        "def parse(line):\n",
        "    if line.startswith(\"data: \"):\n",
        "        return json.loads(line[6:])\n",
        "    path = \"C:\\\\Users\\\\me\\\\file.txt\"\n",
        "    print(f\"{name!r}\\t{value}\")\n",
        "    return None\n",
        "```\n",
    };

    private final Random random;
    private final boolean splitSurrogates;
    private final int maxPiece;
    private final StringBuilder pending = new StringBuilder();
    private int sentenceWords;
    private boolean space;

    /**
     * @param splitSurrogates whether a piece may end between the two halves of a surrogate pair
     *     (JSON escapes allow it, and real chat streams do it; raw UTF-8 cannot carry it)
     * @param maxPiece the longest piece, in chars (pieces are 1 to maxPiece long)
     */
    Text(Random random, boolean splitSurrogates, int maxPiece) {
        this.random = random;
        this.splitSurrogates = splitSurrogates;
        this.maxPiece = maxPiece;
    }

    /** The next piece of text, 1 to maxPiece chars. */
    String next() {
        while (pending.length() < maxPiece + 1) {
            more();
        }
        int n = 1 + random.nextInt(maxPiece);
        if (!splitSurrogates && Character.isHighSurrogate(pending.charAt(n - 1))) {
            n = n == 1 ? 2 : n - 1;
        }
        String piece = pending.substring(0, n);
        pending.delete(0, n);
        return piece;
    }

    /** Appends the next word, with its space or punctuation, to the pending text. */
    private void more() {
        int r = random.nextInt(1000);
        if (r < 6) {
            for (String line : CODE) {
                pending.append(line);
            }
            sentenceWords = 0;
            space = false;
            return;
        }
        if (space) {
            pending.append(' ');
        }
        String word = r < 30 ? UNICODE[random.nextInt(UNICODE.length)] : WORDS[random.nextInt(WORDS.length)];
        if (sentenceWords == 0) {
            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        pending.append(word);
        sentenceWords++;
        space = true;
        int end = random.nextInt(100);
        if (sentenceWords > 6 && end < 12) {
            pending.append(end < 2 ? "?" : end < 3 ? "!" : ".");
            sentenceWords = 0;
            if (end < 4) {
                pending.append("\n\n");
                space = false;
            }
        } else if (end < 8) {
            pending.append(',');
        }
    }
}
