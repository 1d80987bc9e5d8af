package io.streamfold.internal.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares two texts word by word (words are what whitespace separates, so a change of spacing
 * alone is none) and gives the changed runs: the words removed and the words put in their place.
 */
final class WordDiff {

    /** Beyond this many cells, the middle that differs is one run instead of a word-exact one. */
    private static final long MAX_CELLS = 4_000_000;

    /**
     * A run of changed words.
     *
     * @param at the index, in the old text's words, of the first word removed (or of the word the
     *     new ones go before)
     * @param removed the old words, joined by spaces; empty when only words were added
     * @param added the new words, joined by spaces; empty when only words were removed
     */
    record Run(int at, String removed, String added) {
    }

    private WordDiff() {
    }

    static List<Run> runs(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<Run> runs = new ArrayList<>();
        if (start == endA && start == endB) {
            return runs;
        }
        int n = endA - start;
        int m = endB - start;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            runs.add(new Run(start, join(a, start, endA), join(b, start, endB)));
            return runs;
        }
        // Longest common subsequence of the middles, then walk it forward collecting the runs between matches.
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[start + i].equals(b[start + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int runI = -1;
        int runJ = -1;
        while (i < n || j < m) {
            if (i < n && j < m && a[start + i].equals(b[start + j])) {
                if (runI >= 0) {
                    runs.add(new Run(start + runI, join(a, start + runI, start + i), join(b, start + runJ, start + j)));
                    runI = -1;
                }
                i++;
                j++;
                continue;
            }
            if (runI < 0) {
                runI = i;
                runJ = j;
            }
            if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        if (runI >= 0) {
            runs.add(new Run(start + runI, join(a, start + runI, start + n), join(b, start + runJ, start + m)));
        }
        return runs;
    }

    private static String[] words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", Arrays.asList(words).subList(from, to));
    }
}
