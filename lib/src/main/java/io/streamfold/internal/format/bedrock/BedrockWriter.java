package io.streamfold.internal.format.bedrock;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.internal.format.PartsWriter;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Converse response: {@code {output: {message: {role, content[]}}, stopReason, usage, metrics}}
 * with content blocks {@code {text}} (or {@code citationsContent} when cited),
 * {@code {reasoningContent: {reasoningText: {text, signature}} | {redactedContent}}} and
 * {@code {toolUse: {toolUseId, name, input}}}.
 */
final class BedrockWriter {

    private BedrockWriter() {
    }

    static void write(Completion c, JsonGenerator g) throws IOException {
        Message m = c.message();
        g.writeStartObject();
        g.writeFieldName("output");
        g.writeStartObject();
        g.writeFieldName("message");
        g.writeStartObject();
        g.writeStringField("role", m == null || m.role() == null ? "assistant" : m.role());
        PartsWriter.write(g, "content", m, BedrockWriter::block);
        g.writeEndObject();
        g.writeEndObject();
        JsonValues.writeField(g, "stopReason", c.choices().isEmpty() ? null : c.choices().get(0).rawFinishReason());
        JsonValues.writeField(g, "usage", c.usage() == null ? null : c.usage().details());
        JsonValues.writeEntries(g, c.extra(), Set.of("output", "stopReason", "usage"));
        g.writeEndObject();
    }

    private static void block(Part part, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (part instanceof Part.Text text) {
            Object citations = text.extra().get("citations");
            if (citations instanceof List<?>) {
                g.writeFieldName("citationsContent");
                g.writeStartObject();
                JsonValues.writeField(g, "content", List.of(Map.of("text", text.text())));
                JsonValues.writeField(g, "citations", citations);
                g.writeEndObject();
            } else {
                g.writeStringField("text", text.text());
            }
        } else if (part instanceof Part.Reasoning r) {
            g.writeFieldName("reasoningContent");
            g.writeStartObject();
            Object redacted = r.extra().get("redactedContent");
            if (redacted != null && r.text().isEmpty()) {
                JsonValues.writeField(g, "redactedContent", redacted);
            } else {
                g.writeFieldName("reasoningText");
                g.writeStartObject();
                g.writeStringField("text", r.text());
                if (r.signature() != null) {
                    g.writeStringField("signature", r.signature());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } else if (part instanceof ToolCall call) {
            g.writeFieldName("toolUse");
            g.writeStartObject();
            JsonValues.writeField(g, "toolUseId", call.id());
            JsonValues.writeField(g, "name", call.name());
            JsonValues.writeEntries(g, call.extra(), Set.of("toolUseId", "name", "input"));
            g.writeFieldName("input");
            JsonValues.writeJsonText(g, call.arguments());
            g.writeEndObject();
        } else if (part instanceof Part.Other other) {
            JsonValues.writeEntries(g, other.fields(), Set.of());
        } else if (part instanceof Part.Refusal refusal) {
            g.writeStringField("text", refusal.text());
        }
        g.writeEndObject();
    }
}
