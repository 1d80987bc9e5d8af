package io.streamfold.internal.format.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.internal.format.PartsWriter;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.Set;

/** An Anthropic {@code message}: content blocks in index order, stop reason and sequence, usage. */
final class AnthropicWriter {

    private static final Set<String> WRITTEN = Set.of("type", "stop_sequence");

    private AnthropicWriter() {
    }

    static void write(Completion c, JsonGenerator g) throws IOException {
        Message m = c.message();
        g.writeStartObject();
        JsonValues.writeField(g, "id", c.id());
        JsonValues.writeField(g, "type", c.extra().getOrDefault("type", "message"));
        JsonValues.writeField(g, "role", m == null || m.role() == null ? "assistant" : m.role());
        JsonValues.writeField(g, "model", c.model());
        PartsWriter.write(g, "content", m, AnthropicWriter::block);
        JsonValues.writeField(g, "stop_reason", c.rawFinishReason());
        JsonValues.writeField(g, "stop_sequence", c.extra().get("stop_sequence"));
        JsonValues.writeField(g, "usage", c.usage() == null ? null : c.usage().details());
        JsonValues.writeEntries(g, c.extra(), WRITTEN);
        g.writeEndObject();
    }

    private static void block(Part part, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (part instanceof Part.Text text) {
            g.writeStringField("type", text.type());
            g.writeStringField("text", text.text());
            JsonValues.writeEntries(g, text.extra(), Set.of("type", "text"));
        } else if (part instanceof Part.Reasoning r) {
            g.writeStringField("type", r.type());
            g.writeStringField("thinking", r.text());
            if (r.signature() != null) {
                g.writeStringField("signature", r.signature());
            }
            JsonValues.writeEntries(g, r.extra(), Set.of("type", "thinking", "signature"));
        } else if (part instanceof ToolCall call) {
            g.writeStringField("type", call.type());
            JsonValues.writeField(g, "id", call.id());
            JsonValues.writeField(g, "name", call.name());
            g.writeFieldName("input");
            JsonValues.writeJsonText(g, call.arguments());
            JsonValues.writeEntries(g, call.extra(), Set.of("type", "id", "name", "input"));
        } else if (part instanceof Part.Other other) {
            JsonValues.writeEntries(g, other.fields(), Set.of());
        } else if (part instanceof Part.Refusal refusal) {
            g.writeStringField("type", "text");
            g.writeStringField("text", refusal.text());
        }
        g.writeEndObject();
    }
}
