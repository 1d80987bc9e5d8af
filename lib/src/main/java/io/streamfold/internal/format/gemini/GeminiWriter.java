package io.streamfold.internal.format.gemini;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A Gemini {@code GenerateContentResponse}, in the spelling the input used: snake_case for the
 * Python SDK's recordings, camelCase for the REST API's.
 */
final class GeminiWriter {

    private GeminiWriter() {
    }

    static void write(Completion c, JsonGenerator g) throws IOException {
        boolean camel = camelCase(c);
        g.writeStartObject();
        g.writeFieldName("candidates");
        g.writeStartArray();
        for (Choice choice : c.choices()) {
            candidate(choice, camel, g);
        }
        g.writeEndArray();
        if (c.usage() != null) {
            JsonValues.writeField(g, camel ? "usageMetadata" : "usage_metadata", c.usage().details());
        }
        JsonValues.writeEntries(g, c.extra(), Set.of());
        g.writeEndObject();
    }

    private static void candidate(Choice choice, boolean camel, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("content");
        g.writeStartObject();
        g.writeFieldName("parts");
        g.writeStartArray();
        for (Part part : choice.message().parts()) {
            part(part, camel, g);
        }
        g.writeEndArray();
        JsonValues.writeField(g, "role", choice.message().role() == null ? "model" : choice.message().role());
        g.writeEndObject();
        if (choice.rawFinishReason() != null) {
            g.writeStringField(camel ? "finishReason" : "finish_reason", choice.rawFinishReason());
        }
        g.writeNumberField("index", choice.index());
        JsonValues.writeEntries(g, choice.extra(), Set.of());
        g.writeEndObject();
    }

    private static void part(Part part, boolean camel, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (part instanceof Part.Text text) {
            g.writeStringField("text", text.text());
            JsonValues.writeEntries(g, text.extra(), Set.of());
        } else if (part instanceof Part.Reasoning r) {
            g.writeStringField("text", r.text());
            g.writeBooleanField("thought", true);
            JsonValues.writeEntries(g, r.extra(), Set.of());
        } else if (part instanceof ToolCall call) {
            g.writeFieldName(camel ? "functionCall" : "function_call");
            g.writeStartObject();
            if (call.id() != null) {
                g.writeStringField("id", call.id());
            }
            JsonValues.writeField(g, "name", call.name());
            g.writeFieldName("args");
            JsonValues.writeJsonText(g, call.arguments());
            g.writeEndObject();
            JsonValues.writeEntries(g, call.extra(), Set.of());
        } else if (part instanceof Part.Other other) {
            JsonValues.writeEntries(g, other.fields(), Set.of());
        } else if (part instanceof Part.Refusal refusal) {
            g.writeStringField("text", refusal.text());
        }
        g.writeEndObject();
    }

    /** The input's spelling, read off the native keys it left: camelCase unless they are snake_case. */
    static boolean camelCase(Completion c) {
        Boolean fromKeys = spelling(c.extra());
        if (fromKeys == null && c.usage() != null) {
            fromKeys = spelling(c.usage().details());
        }
        for (Choice choice : c.choices()) {
            if (fromKeys == null) {
                fromKeys = spelling(choice.extra());
            }
            for (Part part : choice.message().parts()) {
                if (fromKeys == null && part instanceof Part.Text t) {
                    fromKeys = spelling(t.extra());
                }
            }
        }
        return fromKeys == null || fromKeys;
    }

    private static Boolean spelling(Map<String, ?> map) {
        for (String key : map.keySet()) {
            if (key.indexOf('_') > 0) {
                return false;
            }
            for (int i = 1; i < key.length(); i++) {
                if (Character.isUpperCase(key.charAt(i))) {
                    return true;
                }
            }
        }
        return null;
    }
}
