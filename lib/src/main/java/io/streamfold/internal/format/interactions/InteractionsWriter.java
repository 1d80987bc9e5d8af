package io.streamfold.internal.format.interactions;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.internal.format.PartsWriter;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.Set;

/** A Gemini Interactions {@code interaction}, with {@code outputs[]} folded from the content events. */
final class InteractionsWriter {

    private InteractionsWriter() {
    }

    static void write(Completion c, JsonGenerator g) throws IOException {
        Message m = c.message();
        g.writeStartObject();
        JsonValues.writeField(g, "id", c.id());
        JsonValues.writeEntries(g, c.extra(), Set.of());
        JsonValues.writeField(g, "model", c.model());
        JsonValues.writeField(g, "role", m == null || m.role() == null ? "model" : m.role());
        PartsWriter.write(g, "outputs", m, InteractionsWriter::output);
        JsonValues.writeField(g, "usage", c.usage() == null ? null : c.usage().details());
        g.writeEndObject();
    }

    private static void output(Part part, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (part instanceof Part.Text text) {
            g.writeStringField("type", "text");
            g.writeStringField("text", text.text());
            JsonValues.writeEntries(g, text.extra(), Set.of("type", "text"));
        } else if (part instanceof Part.Reasoning r) {
            g.writeStringField("type", "thought");
            if (r.signature() != null) {
                g.writeStringField("signature", r.signature());
            }
            if (!r.text().isEmpty()) {
                g.writeFieldName("summary");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringField("type", "text");
                g.writeStringField("text", r.text());
                g.writeEndObject();
                g.writeEndArray();
            }
        } else if (part instanceof ToolCall call) {
            g.writeStringField("type", "function_call");
            JsonValues.writeField(g, "id", call.id());
            JsonValues.writeField(g, "name", call.name());
            g.writeFieldName("arguments");
            JsonValues.writeJsonText(g, call.arguments());
        } else if (part instanceof Part.Other other) {
            JsonValues.writeEntries(g, other.fields(), Set.of());
        } else if (part instanceof Part.Refusal refusal) {
            g.writeStringField("type", "text");
            g.writeStringField("text", refusal.text());
        }
        g.writeEndObject();
    }
}
