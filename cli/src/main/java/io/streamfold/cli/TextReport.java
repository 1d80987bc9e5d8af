package io.streamfold.cli;

import io.streamfold.Completion;
import java.io.IOException;
import java.io.Writer;

/**
 * The assistant's text only ({@code --text}), whatever the format. With several recordings or
 * responses, each text follows a {@code ==> name <==} line, as {@code head} does with several files.
 */
final class TextReport implements Report {

    private final Writer out;
    private final boolean headers;
    private final StderrNotes notes;
    private final Tally tally = new Tally();
    private boolean first = true;

    TextReport(Writer out, boolean severalInputs, StderrNotes notes) {
        this.out = out;
        this.headers = severalInputs;
        this.notes = notes;
    }

    @Override
    public void add(Outcome outcome) throws IOException {
        tally.add(outcome);
        if (!notes.responses(outcome)) {
            return;
        }
        int count = outcome.completions().size();
        for (int i = 0; i < count; i++) {
            Completion c = outcome.completions().get(i);
            if (headers || count > 1) {
                out.write((first ? "" : "\n") + "==> " + StderrNotes.where(outcome, i) + " <==\n");
            }
            first = false;
            out.write(c.text());
            if (!c.text().endsWith("\n")) {
                out.write('\n');
            }
            notes.about(StderrNotes.where(outcome, i), c);
        }
    }

    @Override
    public int status() {
        return tally.status();
    }
}
