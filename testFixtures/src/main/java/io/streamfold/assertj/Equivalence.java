package io.streamfold.assertj;

import io.streamfold.Difference;
import java.util.List;

/** The failure message of {@code isEquivalentTo}: every difference, one a line, expected then actual. */
final class Equivalence {

    private Equivalence() {
    }

    static String message(List<Difference> differences) {
        String[] lines = new String[differences.size() + 1];
        lines[0] = "Expecting the completion to be equivalent to the expected one, but "
                + (differences.size() == 1 ? "1 value differs" : differences.size() + " values differ")
                + " (path: what: expected -> actual):";
        for (int i = 0; i < differences.size(); i++) {
            lines[i + 1] = "  " + differences.get(i);
        }
        return AbstractStreamfoldAssert.lines(lines);
    }
}
