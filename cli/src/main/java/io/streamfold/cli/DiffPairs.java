package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.Completion;
import io.streamfold.DiffOptions;
import io.streamfold.Difference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The recordings {@code diff} compares: two files, or two folders' recordings paired by relative path. */
final class DiffPairs {

    private DiffPairs() {
    }

    /**
     * Two recordings to compare; one side is null for a recording found in one folder only.
     *
     * @param old the old recording, or null
     * @param young the new recording, or null
     */
    record Pair(Path old, Path young) {

        Compared fold(AssemblerOptions assembler, DiffOptions options) {
            if (old == null || young == null) {
                return new Compared(this, null, null, List.of());
            }
            Outcome before = Outcome.of(Input.file(old), assembler);
            Outcome after = Outcome.of(Input.file(young), assembler);
            List<List<Difference>> differences = new ArrayList<>();
            if (before.error() == null && after.error() == null) {
                List<Completion> a = before.completions();
                List<Completion> b = after.completions();
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    differences.add(a.get(i).diff(b.get(i), options));
                }
            }
            return new Compared(this, before, after, differences);
        }
    }

    /**
     * A pair folded and compared.
     *
     * @param pair the recordings
     * @param old what became of the old one; null when it is on one side only
     * @param young what became of the new one; null when it is on one side only
     * @param differences per response both hold, in order, what differs
     */
    record Compared(Pair pair, Outcome old, Outcome young, List<List<Difference>> differences) {

        boolean oneSided() {
            return pair.old() == null || pair.young() == null;
        }

        boolean failed() {
            return old != null && (old.failed() || young.failed());
        }

        /** Whether a side was skipped (no LLM response) while the other was not, or both hold different counts. */
        boolean countsDiffer() {
            return !oneSided() && !failed() && (old.completions().size() != young.completions().size()
                    || (old.skipped() == null) != (young.skipped() == null));
        }

        boolean equivalent() {
            return !oneSided() && !failed() && !countsDiffer() && differences.stream().allMatch(List::isEmpty);
        }
    }

    /** The recordings of two folders, paired by their path relative to each folder, in that path's order. */
    static List<Pair> of(Path oldFolder, Path newFolder) throws IOException {
        TreeMap<String, Path[]> byRelative = new TreeMap<>();
        for (Path file : RecordingFiles.find(List.of(oldFolder.toString()))) {
            byRelative.computeIfAbsent(relative(oldFolder, file), k -> new Path[2])[0] = file;
        }
        for (Path file : RecordingFiles.find(List.of(newFolder.toString()))) {
            byRelative.computeIfAbsent(relative(newFolder, file), k -> new Path[2])[1] = file;
        }
        List<Pair> pairs = new ArrayList<>();
        for (Path[] both : byRelative.values()) {
            pairs.add(new Pair(both[0], both[1]));
        }
        return pairs;
    }

    // With / between names whatever the platform, so that the two sides match.
    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
