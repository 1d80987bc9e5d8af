package io.streamfold.cli;

import io.streamfold.Completion;
import java.io.PrintStream;

/** What the outputs that hold responses only (pretty, text, calls) say about the rest, on stderr. */
final class StderrNotes {

    private final PrintStream err;
    private final boolean debug;

    StderrNotes(PrintStream err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** Says why a recording gave no response; true when it gave some. */
    boolean responses(Outcome outcome) {
        if (outcome.failed()) {
            err.println("streamfold: " + outcome.error().getMessage());
            if (debug) {
                outcome.error().printStackTrace(err);
            }
            return false;
        }
        if (outcome.skipped() != null) {
            err.println(outcome.name() + ": skipped: " + outcome.skipped());
            return false;
        }
        return true;
    }

    /** The warnings, problems and provider error of one response. */
    void about(String where, Completion c) {
        c.warnings().forEach(w -> err.println(where + ": warning: " + w));
        c.problems().forEach(p -> err.println(where + ": problem: " + p));
        c.error().ifPresent(e -> err.println(where + ": provider error: " + TableReport.describe(e)));
    }

    static String where(Outcome outcome, int response) {
        int count = outcome.completions().size();
        return count == 1 ? outcome.name() : outcome.name() + " (" + (response + 1) + " of " + count + ")";
    }
}
