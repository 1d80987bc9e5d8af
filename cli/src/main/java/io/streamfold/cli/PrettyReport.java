package io.streamfold.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.Completion;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One recording's responses, pretty-printed: the response itself, or a JSON array when the
 * recording holds several; native JSON, or provider-neutral for {@code --neutral}. Warnings,
 * problems and errors go to stderr.
 */
final class PrettyReport implements Report {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Writer out;
    private final boolean neutral;
    private final StderrNotes notes;
    private final Tally tally = new Tally();

    PrettyReport(Writer out, boolean neutral, StderrNotes notes) {
        this.out = out;
        this.neutral = neutral;
        this.notes = notes;
    }

    @Override
    public void add(Outcome outcome) throws IOException {
        tally.add(outcome);
        if (!notes.responses(outcome)) {
            return;
        }
        List<Completion> completions = outcome.completions();
        if (completions.size() == 1) {
            out.write(pretty(completions.get(0)));
        } else {
            out.write("[");
            for (int i = 0; i < completions.size(); i++) {
                out.write(i == 0 ? "\n" : ",\n");
                out.write(pretty(completions.get(i)).indent(2).stripTrailing());
            }
            out.write("\n]");
        }
        out.write('\n');
        for (int i = 0; i < completions.size(); i++) {
            notes.about(StderrNotes.where(outcome, i), completions.get(i));
        }
    }

    private String pretty(Completion c) throws IOException {
        if (!neutral) {
            return c.toPrettyJson();
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonParser p = FACTORY.createParser(c.toNeutralJson()); JsonGenerator g = FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            p.nextToken();
            g.copyCurrentStructure(p);
        }
        return text.toString();
    }

    @Override
    public int status() {
        return tally.status();
    }
}
