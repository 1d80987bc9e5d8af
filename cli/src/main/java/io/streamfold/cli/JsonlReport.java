package io.streamfold.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.Warning;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * One JSON line per response (a recording may hold several), or per recording that was skipped
 * or failed: the response in its native JSON ({@code "completion"}) or provider-neutral
 * ({@code "neutral"}, for {@code --neutral}).
 */
final class JsonlReport implements Report {

    private final JsonFactory factory = new JsonFactory();
    private final Writer out;
    private final boolean neutral;
    private final Only only;
    private final Tally tally = new Tally();

    JsonlReport(Writer out, boolean neutral, Only only) {
        this.out = out;
        this.neutral = neutral;
        this.only = only;
    }

    @Override
    public void add(Outcome outcome) throws IOException {
        tally.add(outcome);
        if (outcome.completions().isEmpty()) {
            if (only.shows(outcome)) {
                line(outcome, -1);
            }
            return;
        }
        for (int i = 0; i < outcome.completions().size(); i++) {
            if (only.shows(outcome.completions().get(i))) {
                line(outcome, i);
            }
        }
    }

    @Override
    public int status() {
        return tally.status();
    }

    private void line(Outcome outcome, int response) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("path", outcome.name());
        if (outcome.testId() != null) {
            g.writeStringField("test_id", outcome.testId());
        }
        if (response >= 0) {
            Completion c = outcome.completions().get(response);
            g.writeNumberField("response", response);
            g.writeNumberField("responses", outcome.completions().size());
            g.writeStringField("format", c.format() == null ? null : c.format().wireName());
            if (c.source() != null && c.source().entry() != null) {
                g.writeNumberField("entry", c.source().entry()); // its place in the cassette, HAR or mappings
            }
            // the library's JSON, compact, as the value
            g.writeFieldName(neutral ? "neutral" : "completion");
            g.writeRawValue(neutral ? c.toNeutralJson() : c.toJson());
            if (Outcome.incomplete(c)) {
                g.writeBooleanField("incomplete", true);
            }
            if (!c.problems().isEmpty()) {
                g.writeFieldName("problems");
                g.writeStartArray();
                for (Problem problem : c.problems()) {
                    problem(g, problem);
                }
                g.writeEndArray();
            }
            warnings(g, c.warnings());
        } else if (outcome.skipped() != null) {
            g.writeStringField("skipped", outcome.skipped());
        } else if (outcome.failed()) {
            g.writeFieldName("error");
            problem(g, outcome.error().problem());
        } else {
            g.writeNumberField("responses", 0);
        }
        g.writeEndObject();
        g.close();
        out.write('\n');
    }

    static void problem(JsonGenerator g, Problem problem) throws IOException {
        g.writeStartObject();
        g.writeStringField("message", problem.message());
        g.writeStringField("kind", problem.kind().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("chunk", problem.chunk());
        if (problem.line() > 0) {
            g.writeNumberField("line", problem.line());
            g.writeNumberField("column", problem.column());
        }
        if (problem.byteOffset() >= 0) {
            g.writeNumberField("offset", problem.byteOffset());
        }
        if (problem.path() != null) {
            g.writeStringField("path", problem.path());
        }
        g.writeEndObject();
    }

    private static void warnings(JsonGenerator g, List<Warning> warnings) throws IOException {
        if (warnings.isEmpty()) {
            return;
        }
        g.writeFieldName("warnings");
        g.writeStartArray();
        for (Warning w : warnings) {
            g.writeStartObject();
            g.writeStringField("code", w.code().id());
            g.writeNumberField("chunk", w.chunk());
            g.writeStringField("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
