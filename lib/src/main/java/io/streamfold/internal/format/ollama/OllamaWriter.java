package io.streamfold.internal.format.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Ollama's final non-streaming response: {@code /api/chat}'s {@code {model, created_at, message,
 * done, done_reason, ...counts}} or {@code /api/generate}'s {@code {model, created_at, response,
 * thinking, done, done_reason, context, ...counts}}, the counts and durations as sent.
 */
public final class OllamaWriter {

    private OllamaWriter() {
    }

    static void write(Completion c, boolean generate, JsonGenerator g) throws IOException {
        Message m = c.message();
        g.writeStartObject();
        JsonValues.writeField(g, "model", c.model());
        JsonValues.writeField(g, "created_at", c.extra().get("created_at"));
        if (generate) {
            g.writeStringField("response", m == null || m.content() == null ? "" : m.content());
            if (m != null && m.reasoning() != null) {
                g.writeStringField("thinking", m.reasoning());
            }
        } else {
            message(m, g);
        }
        g.writeBooleanField("done", !c.choices().isEmpty() && c.choices().get(0).rawFinishReason() != null);
        JsonValues.writeField(g, "done_reason", c.choices().isEmpty() ? null : c.choices().get(0).rawFinishReason());
        JsonValues.writeEntries(g, c.extra(), Set.of("model", "created_at", "message", "response", "done", "done_reason"));
        if (c.usage() != null) {
            JsonValues.writeEntries(g, c.usage().details(), Set.of());
        }
        g.writeEndObject();
    }

    /**
     * Writes a tool call's {@code function} field as Ollama sends it, in the final response and in
     * the stream's chunks alike: the {@code index} when there is one, the name, and the arguments
     * as the JSON value they are.
     *
     * @param g the generator, inside the tool call's object
     * @param fields where the {@code index} is taken from; none is written when it has no {@code index} key
     * @param name the function's name
     * @param arguments the arguments as JSON text
     * @throws IOException when the generator fails
     */
    public static void writeFunction(JsonGenerator g, Map<String, Object> fields, String name, String arguments)
            throws IOException {
        g.writeObjectFieldStart("function");
        if (fields.containsKey("index")) {
            JsonValues.writeField(g, "index", fields.get("index"));
        }
        JsonValues.writeField(g, "name", name);
        g.writeFieldName("arguments");
        JsonValues.writeJsonText(g, arguments);
        g.writeEndObject();
    }

    private static void message(Message m, JsonGenerator g) throws IOException {
        g.writeFieldName("message");
        g.writeStartObject();
        g.writeStringField("role", m == null || m.role() == null ? "assistant" : m.role());
        g.writeStringField("content", m == null || m.content() == null ? "" : m.content());
        if (m != null && m.reasoning() != null) {
            g.writeStringField("thinking", m.reasoning());
        }
        if (m != null && !m.toolCalls().isEmpty()) {
            g.writeFieldName("tool_calls");
            g.writeStartArray();
            for (ToolCall call : m.toolCalls()) {
                g.writeStartObject();
                if (call.id() != null) {
                    g.writeStringField("id", call.id());
                }
                writeFunction(g, call.extra(), call.name(), call.arguments());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
