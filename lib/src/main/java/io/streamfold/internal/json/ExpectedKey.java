package io.streamfold.internal.json;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Arrays;

/**
 * The key {@link KeyOrder} guesses at one place of an object, and the bytes that led to it last
 * time: from the end of the value before to the first byte of its own value (blanks, the comma,
 * the quoted name, the colon). Chunk after chunk these bytes are the same, indentation and all, so
 * {@link ExpectedNameParser} compares them eight at a time instead of reading them.
 */
final class ExpectedKey {

    /** Longer gaps (deep indentation) are read, not compared. */
    static final int MAX_GAP = 64;

    SerializedString name;
    /** The gap's bytes, in whole words (the last one padded with zeros); its length, 0 while there is none. */
    private final byte[] gap = new byte[MAX_GAP];
    int length;
    /** Whether the gap holds the comma before the name: the object had entries before it. */
    boolean comma;
    /** Line feeds in the gap, and the index after the last one (where the value's row starts). */
    int newlines;
    int rowStart;
    /** The index of the name's first byte, past its opening quote. */
    int nameStart;

    ExpectedKey(SerializedString name) {
        this.name = name;
    }

    /** Another key at this place: the gap is learned again. */
    void guess(SerializedString next) {
        name = next;
        length = 0;
    }

    void learn(byte[] b, int from, int to, boolean comma, int newlines, int rowStart, int nameStart) {
        int n = to - from;
        if (n > MAX_GAP) {
            length = 0;
            return;
        }
        System.arraycopy(b, from, gap, 0, n);
        Arrays.fill(gap, n, (n + 7) & ~7, (byte) 0);
        this.length = n;
        this.comma = comma;
        this.newlines = newlines;
        this.rowStart = rowStart - from;
        this.nameStart = nameStart - from;
    }

    /** Whether {@code b[at, at + length)} is the gap; the caller has checked that whole words fit before {@code end}. */
    boolean sameAt(byte[] b, int at) {
        int n = length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if (Words.at(b, at + i) != Words.at(gap, i)) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        long mask = -1L >>> ((8 - (n - i)) << 3); // the low bytes: the gap's last ones
        return ((Words.at(b, at + i) ^ Words.at(gap, i)) & mask) == 0;
    }

    /** The bytes {@link #sameAt} reads from its index: the gap in whole words. */
    int wordsLength() {
        return (length + 7) & ~7;
    }
}
