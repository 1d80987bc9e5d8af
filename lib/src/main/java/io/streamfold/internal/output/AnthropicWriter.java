package io.streamfold.internal.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
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
        NativeJson.field(g, "id", c.id());
        NativeJson.field(g, "type", c.extra().getOrDefault("type", "message"));
        NativeJson.field(g, "role", m == null || m.role() == null ? "assistant" : m.role());
        NativeJson.field(g, "model", c.model());
        g.writeFieldName("content");
        g.writeStartArray();
        if (m != null) {
            for (Part part : m.parts()) {
                block(part, g);
            }
        }
        g.writeEndArray();
        NativeJson.field(g, "stop_reason", c.rawFinishReason());
        NativeJson.field(g, "stop_sequence", c.extra().get("stop_sequence"));
        NativeJson.field(g, "usage", c.usage() == null ? null : c.usage().details());
        NativeJson.entries(g, c.extra(), WRITTEN);
        g.writeEndObject();
    }

    private static void block(Part part, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (part instanceof Part.Text text) {
            g.writeStringField("type", text.type());
            g.writeStringField("text", text.text());
            NativeJson.entries(g, text.extra(), Set.of("type", "text"));
        } else if (part instanceof Part.Reasoning r) {
            g.writeStringField("type", r.type());
            g.writeStringField("thinking", r.text());
            if (r.signature() != null) {
                g.writeStringField("signature", r.signature());
            }
            NativeJson.entries(g, r.extra(), Set.of("type", "thinking", "signature"));
        } else if (part instanceof ToolCall call) {
            g.writeStringField("type", call.type());
            NativeJson.field(g, "id", call.id());
            NativeJson.field(g, "name", call.name());
            g.writeFieldName("input");
            NativeJson.jsonText(g, call.arguments());
            NativeJson.entries(g, call.extra(), Set.of("type", "id", "name", "input"));
        } else if (part instanceof Part.Other other) {
            NativeJson.entries(g, other.fields(), Set.of());
        } else if (part instanceof Part.Refusal refusal) {
            g.writeStringField("type", "text");
            g.writeStringField("text", refusal.text());
        }
        g.writeEndObject();
    }
}
