package io.streamfold.internal.format.cohere;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Cohere v2 chat response: {@code id}, {@code finish_reason}, {@code message} with
 * {@code content[]} (text and thinking blocks), {@code tool_plan}, {@code tool_calls[]} (arguments
 * as JSON text) and {@code citations[]}, and {@code usage}.
 */
final class CohereWriter {

    private CohereWriter() {
    }

    static void write(Completion c, JsonGenerator g) throws IOException {
        Message m = c.message();
        g.writeStartObject();
        JsonValues.writeField(g, "id", c.id());
        JsonValues.writeField(g, "finish_reason", c.choices().isEmpty() ? null : c.choices().get(0).rawFinishReason());
        g.writeFieldName("message");
        g.writeStartObject();
        g.writeStringField("role", m == null || m.role() == null ? "assistant" : m.role());
        List<Object> citations = new ArrayList<>();
        StringBuilder toolPlan = null;
        g.writeFieldName("content");
        g.writeStartArray();
        if (m != null) {
            for (Part part : m.parts()) {
                if (part instanceof Part.Reasoning r && r.type().equals("tool_plan")) {
                    toolPlan = toolPlan == null ? new StringBuilder(r.text()) : toolPlan.append(r.text());
                } else if (part instanceof Part.Reasoning r) {
                    g.writeStartObject();
                    g.writeStringField("type", "thinking");
                    g.writeStringField("thinking", r.text());
                    g.writeEndObject();
                } else if (part instanceof Part.Text t) {
                    g.writeStartObject();
                    g.writeStringField("type", "text");
                    g.writeStringField("text", t.text());
                    g.writeEndObject();
                    List<Object> cited = Values.asList(t.extra().get("citations"));
                    if (cited != null) {
                        citations.addAll(cited);
                    }
                }
            }
        }
        g.writeEndArray();
        if (toolPlan != null) {
            g.writeStringField("tool_plan", toolPlan.toString());
        }
        if (m != null && !m.toolCalls().isEmpty()) {
            g.writeFieldName("tool_calls");
            g.writeStartArray();
            for (ToolCall call : m.toolCalls()) {
                g.writeStartObject();
                JsonValues.writeField(g, "id", call.id());
                g.writeStringField("type", call.type());
                g.writeFieldName("function");
                g.writeStartObject();
                JsonValues.writeField(g, "name", call.name());
                g.writeStringField("arguments", call.arguments());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!citations.isEmpty()) {
            JsonValues.writeField(g, "citations", citations);
        }
        g.writeEndObject();
        JsonValues.writeField(g, "usage", c.usage() == null ? null : c.usage().details());
        JsonValues.writeEntries(g, c.extra(), Set.of("id", "finish_reason", "message", "usage"));
        g.writeEndObject();
    }
}
