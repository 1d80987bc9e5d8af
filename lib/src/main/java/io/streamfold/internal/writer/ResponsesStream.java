package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.ToolCall;
import io.streamfold.internal.format.WireFormats;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Responses API events: {@code response.created}, each output item added, its part or summary
 * added, streamed, done, the item done, then {@code response.completed} (or {@code .incomplete},
 * {@code .failed}) whose {@code output} repeats the items, as OpenAI sends it. Every event carries
 * its {@code sequence_number}.
 */
final class ResponsesStream extends EventWriter {

    private final List<Out.Json> doneItems = new ArrayList<>();
    private int sequence;

    ResponsesStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.OPENAI_RESPONSES, out, pieces);
    }

    @Override
    void write() {
        event("response.created", g -> {
            g.writeFieldName("response");
            response(g, "in_progress", null, null, false);
        });
        Choice choice = firstChoice();
        List<Object> output = same() && completion.extra().get("output") instanceof List<?> l ? List.copyOf(l) : List.of();
        if (choice != null) {
            int index = 0;
            for (Block block : same() ? Blocks.all(choice.message()) : Blocks.of(choice.message())) {
                boolean whole = block instanceof Blocks.Verbatim
                        || block instanceof Blocks.Call call && call.source().kind() == ToolCall.Kind.SERVER;
                if (!whole) {
                    item(index++, block);
                } else if (index < output.size()) {
                    wholeItem(index++, output.get(index - 1)); // a hosted tool's item, added and done whole
                }
            }
        }
        String status = choice == null ? "completed" : Targets.finish(completion, choice, target);
        FinishReason reason = choice == null ? null : choice.finishReason();
        String incomplete = "incomplete".equals(status) && reason != null ? Targets.incompleteReason(reason) : null;
        String type = "failed".equals(status) ? "response.failed" : "incomplete".equals(status) ? "response.incomplete" : "response.completed";
        Map<String, Object> usage = Targets.usage(completion, target);
        event(type, g -> {
            g.writeFieldName("response");
            if (same()) {
                // its own response, output and all, as OpenAI ends the stream with it
                WireFormats.of(target).writeNative(completion, target, g);
            } else {
                response(g, status == null ? "completed" : status, incomplete, usage, true);
            }
        });
    }

    private void wholeItem(int index, Object raw) {
        Out.Json item = g -> JsonValues.write(g, raw);
        itemEvent("response.output_item.added", index, item);
        itemEvent("response.output_item.done", index, item);
        doneItems.add(item);
    }

    private void response(JsonGenerator g, String status, String incomplete, Map<String, Object> usage, boolean done)
            throws IOException {
        g.writeStartObject();
        field(g, "id", completion.id());
        g.writeStringField("object", "response");
        field(g, "created_at", completion.created());
        g.writeStringField("status", status);
        if (incomplete != null) {
            g.writeObjectFieldStart("incomplete_details");
            g.writeStringField("reason", incomplete);
            g.writeEndObject();
        }
        field(g, "model", completion.model());
        g.writeArrayFieldStart("output");
        if (done) {
            for (Out.Json item : doneItems) {
                item.write(g);
            }
        }
        g.writeEndArray();
        field(g, "service_tier", completion.serviceTier());
        JsonValues.writeField(g, "usage", usage);
        g.writeEndObject();
    }

    private void item(int index, Block block) {
        String id = itemId(index, block);
        if (block instanceof Blocks.Call call) {
            String callType = "custom_tool_call".equals(call.source().type()) ? "custom_tool_call" : "function_call";
            String field = callType.equals("function_call") ? "arguments" : "input";
            String deltaType = callType.equals("function_call") ? "response.function_call_arguments" : "response.custom_tool_call_input";
            Out.Json done = g -> callItem(g, id, callType, call, field, call.arguments(), "completed");
            itemEvent("response.output_item.added", index, g -> callItem(g, id, callType, call, field, "", "in_progress"));
            for (String p : pieces.split(call.arguments())) {
                event(deltaType + ".delta", g -> {
                    g.writeStringField("item_id", id);
                    g.writeNumberField("output_index", index);
                    g.writeStringField("delta", p);
                });
            }
            event(deltaType + ".done", g -> {
                g.writeStringField("item_id", id);
                g.writeNumberField("output_index", index);
                g.writeStringField(field, call.arguments());
            });
            itemEvent("response.output_item.done", index, done);
            doneItems.add(done);
            return;
        }
        boolean reasoning = block instanceof Blocks.Reasoning;
        String text = block instanceof Blocks.Text t ? t.text() : block instanceof Blocks.Reasoning r ? r.text()
                : ((Blocks.Refusal) block).text();
        String partType = reasoning ? "summary_text" : block instanceof Blocks.Refusal ? "refusal" : "output_text";
        String textField = partType.equals("refusal") ? "refusal" : "text";
        String events = reasoning ? "response.reasoning_summary_text" : partType.equals("refusal") ? "response.refusal" : "response.output_text";
        String partIndexField = reasoning ? "summary_index" : "content_index";
        String partEvents = reasoning ? "response.reasoning_summary_part" : "response.content_part";
        Out.Json done = g -> textItem(g, id, reasoning, partType, textField, text, "completed");
        itemEvent("response.output_item.added", index, g -> textItem(g, id, reasoning, partType, textField, null, "in_progress"));
        event(partEvents + ".added", g -> {
            partRef(g, id, index, partIndexField);
            g.writeFieldName("part");
            part(g, partType, textField, "");
        });
        for (String p : pieces.split(text)) {
            event(events + ".delta", g -> {
                partRef(g, id, index, partIndexField);
                g.writeStringField("delta", p);
            });
        }
        event(events + ".done", g -> {
            partRef(g, id, index, partIndexField);
            g.writeStringField(textField, text);
        });
        event(partEvents + ".done", g -> {
            partRef(g, id, index, partIndexField);
            g.writeFieldName("part");
            part(g, partType, textField, text);
        });
        itemEvent("response.output_item.done", index, done);
        doneItems.add(done);
    }

    private String itemId(int index, Block block) {
        if (block instanceof Blocks.Call call && call.source().extra().get("id") instanceof String s) {
            return s;
        }
        String prefix = block instanceof Blocks.Call ? "fc_" : block instanceof Blocks.Reasoning ? "rs_" : "msg_";
        return prefix + index;
    }

    private static void callItem(JsonGenerator g, String id, String type, Blocks.Call call, String field, String arguments,
            String status) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", type);
        g.writeStringField("status", status);
        g.writeStringField(field, arguments);
        g.writeStringField("call_id", call.id());
        g.writeStringField("name", call.name());
        g.writeEndObject();
    }

    private static void textItem(JsonGenerator g, String id, boolean reasoning, String partType, String textField, String text,
            String status) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", reasoning ? "reasoning" : "message");
        if (!reasoning) {
            g.writeStringField("status", status);
            g.writeStringField("role", "assistant");
        }
        g.writeArrayFieldStart(reasoning ? "summary" : "content");
        if (text != null) {
            part(g, partType, textField, text);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void part(JsonGenerator g, String type, String textField, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField(textField, text);
        if (type.equals("output_text")) {
            g.writeArrayFieldStart("annotations");
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void partRef(JsonGenerator g, String id, int index, String partIndexField) throws IOException {
        g.writeStringField("item_id", id);
        g.writeNumberField("output_index", index);
        g.writeNumberField(partIndexField, 0);
    }

    private void itemEvent(String type, int index, Out.Json item) {
        event(type, g -> {
            g.writeNumberField("output_index", index);
            g.writeFieldName("item");
            item.write(g);
        });
    }

    /** An event whose {@code type} is its SSE name, numbered in sequence. */
    private void event(String type, Out.Json body) {
        int number = sequence++;
        out.event(type, g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeNumberField("sequence_number", number);
            body.write(g);
            g.writeEndObject();
        });
    }
}
