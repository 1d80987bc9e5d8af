package io.streamfold.internal.format.openai;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Logprobs;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.internal.core.Values;
import java.io.IOException;
import java.util.Set;

/** {@code chat.completion} and {@code text_completion}: OpenAI's non-streaming shapes. */
final class ChatWriter {

    private ChatWriter() {
    }

    /** What a choice says between its index and its finish reason: Chat's message, the legacy text. */
    @FunctionalInterface
    private interface ChoiceBody {
        void write(Choice choice, JsonGenerator g) throws IOException;
    }

    static void writeChatCompletion(Completion c, JsonGenerator g) throws IOException {
        write(c, g, "chat.completion", (choice, gen) -> {
            gen.writeFieldName("message");
            message(choice, gen);
        });
    }

    static void writeTextCompletion(Completion c, JsonGenerator g) throws IOException {
        write(c, g, "text_completion", (choice, gen) -> {
            String text = choice.message().content();
            gen.writeStringField("text", text == null ? "" : text);
        });
    }

    private static void write(Completion c, JsonGenerator g, String object, ChoiceBody body) throws IOException {
        g.writeStartObject();
        header(c, g, object);
        g.writeFieldName("choices");
        g.writeStartArray();
        for (Choice choice : c.choices()) {
            g.writeStartObject();
            g.writeNumberField("index", choice.index());
            body.write(choice, g);
            JsonValues.writeField(g, "finish_reason", choice.rawFinishReason());
            logprobs(choice.logprobs(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        footer(c, g);
        g.writeEndObject();
    }

    private static void header(Completion c, JsonGenerator g, String object) throws IOException {
        JsonValues.writeField(g, "id", c.id());
        g.writeStringField("object", object);
        JsonValues.writeField(g, "created", c.created());
        JsonValues.writeField(g, "model", c.model());
        JsonValues.writeField(g, "system_fingerprint", c.systemFingerprint());
        if (!object.equals("text_completion")) {
            JsonValues.writeField(g, "service_tier", c.serviceTier());
        }
    }

    private static void footer(Completion c, JsonGenerator g) throws IOException {
        JsonValues.writeField(g, "usage", c.usage() == null ? null : c.usage().details());
        JsonValues.writeEntries(g, c.extra(), Set.of());
    }

    private static void message(Choice choice, JsonGenerator g) throws IOException {
        Message m = choice.message();
        g.writeStartObject();
        JsonValues.writeField(g, "role", m.role() == null ? "assistant" : m.role());
        JsonValues.writeField(g, "content", m.content());
        JsonValues.writeField(g, "refusal", m.refusal());
        if (m.reasoning() != null) {
            g.writeStringField(reasoningField(m), m.reasoning());
        }
        Object details = choice.extra().get("reasoning_details");
        if (details != null) {
            JsonValues.writeField(g, "reasoning_details", details); // OpenRouter's structured reasoning, signatures included
        }
        boolean anyToolCall = false;
        ToolCall legacy = null;
        for (ToolCall call : m.toolCalls()) {
            if ("function_call".equals(call.type())) {
                legacy = call;
                continue;
            }
            if (!anyToolCall) {
                g.writeFieldName("tool_calls");
                g.writeStartArray();
                anyToolCall = true;
            }
            g.writeStartObject();
            JsonValues.writeField(g, "id", call.id());
            g.writeStringField("type", call.type() == null ? "function" : call.type());
            g.writeFieldName("function");
            g.writeStartObject();
            JsonValues.writeField(g, "name", call.name());
            g.writeStringField("arguments", call.arguments());
            g.writeEndObject();
            JsonValues.writeEntries(g, call.extra(), Set.of());
            g.writeEndObject();
        }
        if (anyToolCall) {
            g.writeEndArray();
        }
        if (legacy != null) {
            g.writeFieldName("function_call");
            g.writeStartObject();
            JsonValues.writeField(g, "name", legacy.name());
            g.writeStringField("arguments", legacy.arguments());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The name the stream used for reasoning: {@code reasoning_content} or {@code reasoning}. */
    private static String reasoningField(Message m) {
        for (Part part : m.parts()) {
            if (part instanceof Part.Reasoning r) {
                return r.type();
            }
        }
        return "reasoning_content";
    }

    private static void logprobs(Logprobs logprobs, JsonGenerator g) throws IOException {
        g.writeFieldName("logprobs");
        if (logprobs == null) {
            g.writeNull();
        } else {
            JsonValues.write(g, logprobs.fields());
        }
    }
}
