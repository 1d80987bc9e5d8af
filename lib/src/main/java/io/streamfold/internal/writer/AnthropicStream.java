package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages events: {@code message_start}, a {@code ping}, each block started, streamed
 * and stopped, {@code message_delta} with the stop reason and the output tokens, {@code message_stop}.
 */
final class AnthropicStream extends EventWriter {

    AnthropicStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.ANTHROPIC_MESSAGES, out, pieces);
    }

    @Override
    void write() {
        Map<String, Object> usage = Targets.usage(completion, target);
        Map<String, Object> startUsage = usage == null ? null : new LinkedHashMap<>(usage);
        if (startUsage != null && startUsage.containsKey("output_tokens")) {
            startUsage.put("output_tokens", 1); // as sent: the count so far; message_delta's is the total
        }
        Choice choice = firstChoice();
        event("message_start", g -> {
            g.writeObjectFieldStart("message");
            field(g, "id", completion.id());
            g.writeStringField("type", "message");
            g.writeStringField("role", role(choice));
            field(g, "model", completion.model());
            g.writeArrayFieldStart("content");
            g.writeEndArray();
            g.writeNullField("stop_reason");
            g.writeNullField("stop_sequence");
            field(g, "usage", startUsage);
            g.writeEndObject();
        });
        event("ping", g -> { });
        if (choice != null) {
            List<Block> blocks = same() ? Blocks.all(choice.message()) : Blocks.of(choice.message());
            int index = 0;
            for (Block block : blocks) {
                if (block instanceof Blocks.Refusal) {
                    continue; // Anthropic refuses with a stop reason, not a block
                }
                writeBlock(index++, block);
            }
        }
        if (completion.error().isPresent() && completion.rawFinishReason() == null) {
            // The stream carried an error and no stop: an error event ends it, as Anthropic sends one.
            event("error", g -> JsonValues.writeField(g, "error", completion.error().get().raw()));
            return;
        }
        String stop = choice == null ? null : Targets.finish(completion, choice, target);
        Object stopSequence = same() ? completion.extra().get("stop_sequence") : null;
        event("message_delta", g -> {
            g.writeObjectFieldStart("delta");
            JsonValues.writeField(g, "stop_reason", stop);
            JsonValues.writeField(g, "stop_sequence", stopSequence);
            g.writeEndObject();
            if (usage != null && usage.containsKey("output_tokens")) {
                g.writeObjectFieldStart("usage");
                JsonValues.writeField(g, "output_tokens", usage.get("output_tokens"));
                g.writeEndObject();
            }
        });
        event("message_stop", g -> { });
    }

    private void writeBlock(int index, Block block) {
        if (block instanceof Blocks.Verbatim v) {
            // a block that streams no deltas (redacted thinking, a server tool's result): whole in its start
            event("content_block_start", g -> {
                g.writeNumberField("index", index);
                JsonValues.writeField(g, "content_block", v.part().fields());
            });
            event("content_block_stop", g -> g.writeNumberField("index", index));
            return;
        }
        event("content_block_start", g -> {
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("content_block");
            if (block instanceof Blocks.Text) {
                g.writeStringField("type", "text");
                g.writeStringField("text", "");
            } else if (block instanceof Blocks.Reasoning) {
                g.writeStringField("type", "thinking");
                g.writeStringField("thinking", "");
            } else if (block instanceof Blocks.Call call) {
                String type = same() && call.source().type() != null ? call.source().type() : "tool_use";
                g.writeStringField("type", type);
                g.writeStringField("id", call.id());
                g.writeStringField("name", call.name());
                g.writeObjectFieldStart("input");
                g.writeEndObject();
            }
            g.writeEndObject();
        });
        if (block instanceof Blocks.Text t) {
            deltas(index, "text_delta", "text", t.text());
        } else if (block instanceof Blocks.Reasoning r) {
            deltas(index, "thinking_delta", "thinking", r.text());
            if (r.signature() != null) {
                delta(index, "signature_delta", "signature", r.signature());
            }
        } else if (block instanceof Blocks.Call call) {
            deltas(index, "input_json_delta", "partial_json", call.arguments());
        }
        event("content_block_stop", g -> g.writeNumberField("index", index));
    }

    private void deltas(int index, String type, String field, String text) {
        for (String p : pieces.split(text)) {
            delta(index, type, field, p);
        }
    }

    private void delta(int index, String type, String field, String value) {
        event("content_block_delta", g -> {
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("delta");
            g.writeStringField("type", type);
            g.writeStringField(field, value);
            g.writeEndObject();
        });
    }

    /** An event whose {@code type} is its SSE name; the body writes the fields after it. */
    private void event(String type, Out.Json body) {
        out.event(type, g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            body.write(g);
            g.writeEndObject();
        });
    }

}
