package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.Map;

/**
 * Cohere v2 chat events: {@code message-start}, content blocks ({@code text}, {@code thinking})
 * and tool calls each started, streamed and ended (two index spaces), {@code message-end} with the
 * finish reason and the usage.
 */
final class CohereStream extends EventWriter {

    CohereStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.COHERE_CHAT, out, pieces);
    }

    @Override
    void write() {
        Choice choice = firstChoice();
        out.event("message-start", g -> {
            g.writeStartObject();
            field(g, "id", completion.id());
            g.writeStringField("type", "message-start");
            g.writeObjectFieldStart("delta");
            g.writeObjectFieldStart("message");
            g.writeStringField("role", role(choice));
            g.writeArrayFieldStart("content");
            g.writeEndArray();
            g.writeStringField("tool_plan", "");
            g.writeArrayFieldStart("tool_calls");
            g.writeEndArray();
            g.writeArrayFieldStart("citations");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
        if (choice != null) {
            int content = 0;
            int calls = 0;
            for (Block block : Blocks.of(choice.message())) {
                if (block instanceof Blocks.Text t) {
                    content(content++, "text", t.text());
                } else if (block instanceof Blocks.Reasoning r && same() && "tool_plan".equals(r.type())) {
                    toolPlan(r.text());
                } else if (block instanceof Blocks.Reasoning r) {
                    content(content++, "thinking", r.text());
                } else if (block instanceof Blocks.Call call) {
                    call(calls++, call);
                }
            }
        }
        String finish = choice == null ? null : Targets.finish(completion, choice, target);
        Map<String, Object> usage = Targets.usage(completion, target);
        out.event("message-end", g -> {
            g.writeStartObject();
            g.writeStringField("type", "message-end");
            g.writeObjectFieldStart("delta");
            field(g, "finish_reason", finish);
            field(g, "usage", usage);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void content(int index, String type, String text) {
        event("content-start", index, g -> {
            g.writeObjectFieldStart("content");
            g.writeStringField("type", type);
            g.writeStringField(type, "");
            g.writeEndObject();
        });
        for (String p : pieces.split(text)) {
            event("content-delta", index, g -> {
                g.writeObjectFieldStart("content");
                g.writeStringField(type, p);
                g.writeEndObject();
            });
        }
        event("content-end", index, null);
    }

    /** The plan a tool-calling model streams before its calls, in {@code tool-plan-delta} events (no index). */
    private void toolPlan(String text) {
        for (String p : pieces.split(text)) {
            out.event("tool-plan-delta", g -> {
                g.writeStartObject();
                g.writeStringField("type", "tool-plan-delta");
                g.writeObjectFieldStart("delta");
                g.writeObjectFieldStart("message");
                g.writeStringField("tool_plan", p);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            });
        }
    }

    private void call(int index, Blocks.Call call) {
        event("tool-call-start", index, g -> {
            g.writeObjectFieldStart("tool_calls");
            g.writeStringField("id", call.id());
            g.writeStringField("type", "function");
            g.writeObjectFieldStart("function");
            g.writeStringField("name", call.name());
            g.writeStringField("arguments", "");
            g.writeEndObject();
            g.writeEndObject();
        });
        for (String p : pieces.split(call.arguments())) {
            event("tool-call-delta", index, g -> {
                g.writeObjectFieldStart("tool_calls");
                g.writeObjectFieldStart("function");
                g.writeStringField("arguments", p);
                g.writeEndObject();
                g.writeEndObject();
            });
        }
        event("tool-call-end", index, null);
    }

    /** An event with an index; the body, when there is one, writes inside {@code delta.message}. */
    private void event(String type, int index, Out.Json message) {
        out.event(type, g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeNumberField("index", index);
            if (message != null) {
                g.writeObjectFieldStart("delta");
                g.writeObjectFieldStart("message");
                message.write(g);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }
}
