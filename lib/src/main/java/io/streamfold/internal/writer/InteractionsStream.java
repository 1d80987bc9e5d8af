package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.Map;
import java.util.Set;

/**
 * Gemini Interactions events: {@code interaction.start}, each output started, streamed
 * ({@code text} deltas, {@code thought_summary} deltas and a {@code thought_signature}, a
 * {@code function_call} whole) and stopped, then {@code interaction.complete} with the status and
 * the usage.
 */
final class InteractionsStream extends EventWriter {

    InteractionsStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.GEMINI_INTERACTIONS, out, pieces);
    }

    @Override
    void write() {
        event("interaction.start", g -> {
            g.writeObjectFieldStart("interaction");
            field(g, "id", completion.id());
            g.writeStringField("status", "in_progress");
            g.writeStringField("object", "interaction");
            field(g, "model", completion.model());
            g.writeEndObject();
        });
        Choice choice = firstChoice();
        int index = 0;
        if (choice != null) {
            for (Block block : Blocks.of(choice.message())) {
                if (block instanceof Blocks.Refusal) {
                    continue;
                }
                writeOutput(index++, block);
            }
        }
        String status = choice == null ? "completed" : Targets.finish(completion, choice, target);
        Map<String, Object> usage = Targets.usage(completion, target);
        event("interaction.complete", g -> {
            g.writeObjectFieldStart("interaction");
            field(g, "id", completion.id());
            field(g, "status", status == null ? "in_progress" : status);
            field(g, "usage", usage);
            g.writeStringField("role", "model");
            g.writeStringField("object", "interaction");
            field(g, "model", completion.model());
            if (same()) {
                JsonValues.writeEntries(g, completion.extra(), Set.of("id", "status", "usage", "role", "object", "model", "outputs"));
            }
            g.writeEndObject();
        });
    }

    private void writeOutput(int index, Block block) {
        String type = block instanceof Blocks.Text ? "text" : block instanceof Blocks.Reasoning ? "thought" : "function_call";
        event("content.start", g -> {
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("content");
            g.writeStringField("type", type);
            g.writeEndObject();
        });
        if (block instanceof Blocks.Text t) {
            for (String p : pieces.split(t.text())) {
                delta(index, g -> {
                    g.writeStringField("text", p);
                    g.writeStringField("type", "text");
                });
            }
        } else if (block instanceof Blocks.Reasoning r) {
            for (String p : pieces.split(r.text())) {
                delta(index, g -> {
                    g.writeObjectFieldStart("content");
                    g.writeStringField("type", "text");
                    g.writeStringField("text", p);
                    g.writeEndObject();
                    g.writeStringField("type", "thought_summary");
                });
            }
            if (r.signature() != null) {
                delta(index, g -> {
                    g.writeStringField("signature", r.signature());
                    g.writeStringField("type", "thought_signature");
                });
            }
        } else if (block instanceof Blocks.Call call) {
            delta(index, g -> {
                g.writeStringField("type", "function_call");
                g.writeStringField("id", call.id());
                g.writeStringField("name", call.name());
                g.writeFieldName("arguments");
                JsonValues.writeJsonText(g, call.arguments());
            });
        }
        event("content.stop", g -> g.writeNumberField("index", index));
    }

    private void delta(int index, Out.Json delta) {
        event("content.delta", g -> {
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
        });
    }

    /** An event whose {@code event_type} is its SSE name; the body writes the fields before it. */
    private void event(String type, Out.Json body) {
        out.event(type, g -> {
            g.writeStartObject();
            body.write(g);
            g.writeStringField("event_type", type);
            g.writeEndObject();
        });
    }
}
