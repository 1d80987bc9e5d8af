package io.streamfold.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.ToolCall;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One JSON line per tool call the application must run ({@code --calls}), whatever the format:
 * {@code {"path", "response", "index", "id", "name", "arguments"}} with the arguments parsed, or
 * as the text they are when they are no JSON (a cut stream, a custom tool's free-form input).
 */
final class CallsReport implements Report {

    private final JsonFactory factory = new JsonFactory();
    private final Writer out;
    private final StderrNotes notes;
    private final Tally tally = new Tally();

    CallsReport(Writer out, StderrNotes notes) {
        this.out = out;
        this.notes = notes;
    }

    @Override
    public void add(Outcome outcome) throws IOException {
        tally.add(outcome);
        if (!notes.responses(outcome)) {
            return;
        }
        for (int i = 0; i < outcome.completions().size(); i++) {
            Completion c = outcome.completions().get(i);
            for (Choice choice : c.choices()) {
                for (ToolCall call : choice.message().toolCalls()) {
                    line(outcome, i, c.choices().size() > 1 ? choice.index() : -1, call);
                }
            }
            notes.about(StderrNotes.where(outcome, i), c);
        }
    }

    private void line(Outcome outcome, int response, int choice, ToolCall call) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("path", outcome.name());
        g.writeNumberField("response", response);
        if (choice >= 0) {
            g.writeNumberField("choice", choice);
        }
        g.writeNumberField("index", call.index());
        g.writeStringField("id", call.id());
        g.writeStringField("name", call.name());
        if (call.kind() != ToolCall.Kind.FUNCTION) {
            g.writeStringField("kind", call.kind().name().toLowerCase(Locale.ROOT));
        }
        g.writeFieldName("arguments");
        String json = argumentsAsJson(call);
        if (json != null) {
            g.writeRawValue(json);
        } else {
            g.writeString(call.arguments());
        }
        g.writeEndObject();
        g.close();
        out.write('\n');
    }

    private static String argumentsAsJson(ToolCall call) {
        if (call.kind() == ToolCall.Kind.CUSTOM) {
            return null; // free-form input, text even when it happens to parse
        }
        try {
            return call.argumentsAsJson();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int status() {
        return tally.status();
    }
}
