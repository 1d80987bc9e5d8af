package io.streamfold.cli;

import io.streamfold.Completion;
import java.util.Map;
import java.util.TreeMap;

/** Counts what became of every recording: the summary line and the exit status. */
final class Tally {

    /** Every file gave complete responses (or was skipped: it holds no LLM response). */
    static final int OK = 0;
    /** A file could not be read or folded. */
    static final int FAILED = 1;
    /** Bad usage. */
    static final int USAGE = 2;
    /** None failed, but a response is incomplete: cut off, a provider error, or faults passed over. */
    static final int INCOMPLETE = 3;

    private int files;
    private int responses;
    private int complete;
    private int incomplete;
    private int failed;
    private int skipped;
    private int warned;
    private final Map<String, Integer> formats = new TreeMap<>();

    void add(Outcome outcome) {
        files++;
        if (outcome.failed()) {
            failed++;
        } else if (outcome.skipped() != null) {
            skipped++;
        }
        for (Completion c : outcome.completions()) {
            responses++;
            formats.merge(c.format() == null ? "unknown" : c.format().wireName(), 1, Integer::sum);
            if (Outcome.incomplete(c)) {
                incomplete++;
            } else {
                complete++;
            }
            if (!c.warnings().isEmpty()) {
                warned++;
            }
        }
    }

    int status() {
        if (failed > 0) {
            return FAILED;
        }
        return incomplete > 0 ? INCOMPLETE : OK;
    }

    /** {@code 12 files, 14 responses (openai.chat 8, gemini 6): 11 complete, 3 incomplete, 0 failed, 1 skipped; 2 with warnings}. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(count(files, "file")).append(", ").append(count(responses, "response"));
        if (!formats.isEmpty()) {
            sb.append(" (");
            String separator = "";
            for (Map.Entry<String, Integer> e : formats.entrySet()) {
                sb.append(separator).append(e.getKey()).append(' ').append(e.getValue());
                separator = ", ";
            }
            sb.append(')');
        }
        sb.append(": ").append(complete).append(" complete, ").append(incomplete).append(" incomplete, ")
                .append(failed).append(" failed");
        if (skipped > 0) {
            sb.append(", ").append(skipped).append(" skipped");
        }
        if (warned > 0) {
            sb.append("; ").append(warned).append(" with warnings");
        }
        return sb.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
