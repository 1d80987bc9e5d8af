package io.streamfold.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.Warning;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One JSON line per response of a file (with its {@code entry} in a container), why it was skipped, or its error. */
final class JsonlReport {

    private final JsonFactory factory = new JsonFactory();
    private final Writer out;

    JsonlReport(Writer out) {
        this.out = out;
    }

    void write(String path, Outcome outcome) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("path", path);
        if (outcome.completion() != null) {
            Completion c = outcome.completion();
            g.writeStringField("format", c.format() == null ? null : c.format().wireName());
            if (c.source() != null && c.source().entry() != null) {
                g.writeNumberField("entry", c.source().entry()); // its place in the cassette, HAR or mappings
            }
            g.writeFieldName("completion");
            g.writeRawValue(c.toJson()); // the library's native JSON, compact, as the value
            if (!c.problems().isEmpty()) {
                g.writeBooleanField("incomplete", true);
                g.writeFieldName("problems");
                g.writeStartArray();
                for (Problem problem : c.problems()) {
                    problem(g, problem);
                }
                g.writeEndArray();
            } else if (c.incomplete()) {
                g.writeBooleanField("incomplete", true);
            }
            warnings(g, c.warnings());
        } else if (outcome.skipped() != null) {
            g.writeStringField("skipped", outcome.skipped());
        } else {
            g.writeFieldName("error");
            problem(g, outcome.error().problem());
        }
        g.writeEndObject();
        g.close();
        out.write('\n');
    }

    private static void problem(JsonGenerator g, Problem problem) throws IOException {
        g.writeStartObject();
        g.writeStringField("message", problem.message());
        g.writeStringField("kind", problem.kind().name().toLowerCase(java.util.Locale.ROOT));
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
