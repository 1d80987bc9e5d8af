package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.Map;

/**
 * Bedrock ConverseStream events as the SDKs log them ({@code {"<event>": payload}}):
 * {@code messageStart}, content block deltas (a text block starts with its first delta, a tool
 * use block with {@code contentBlockStart}), each block stopped, {@code messageStop}, {@code metadata}.
 */
final class BedrockStream extends EventWriter {

    BedrockStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.BEDROCK_CONVERSE, out, pieces);
    }

    @Override
    void write() {
        Choice choice = firstChoice();
        event("messageStart", g -> g.writeStringField("role", role(choice)));
        int index = 0;
        if (choice != null) {
            for (Block block : Blocks.of(choice.message())) {
                if (!(block instanceof Blocks.Refusal)) {
                    block(index++, block);
                }
            }
        }
        String stop = choice == null ? null : Targets.finish(completion, choice, target);
        Object fields = same() ? completion.extra().get("additionalModelResponseFields") : null;
        if (stop != null) {
            event("messageStop", g -> {
                g.writeStringField("stopReason", stop);
                field(g, "additionalModelResponseFields", fields);
            });
        }
        Map<String, Object> usage = Targets.usage(completion, target);
        Object metrics = same() ? completion.extra().get("metrics") : null;
        if (usage != null) {
            event("metadata", g -> {
                field(g, "usage", usage);
                field(g, "metrics", metrics);
            });
        }
    }

    private void block(int index, Block block) {
        if (block instanceof Blocks.Call call) {
            event("contentBlockStart", g -> {
                g.writeNumberField("contentBlockIndex", index);
                g.writeObjectFieldStart("start");
                g.writeObjectFieldStart("toolUse");
                g.writeStringField("toolUseId", call.id());
                g.writeStringField("name", call.name());
                g.writeEndObject();
                g.writeEndObject();
            });
            for (String p : pieces.split(call.arguments())) {
                delta(index, g -> {
                    g.writeObjectFieldStart("toolUse");
                    g.writeStringField("input", p);
                    g.writeEndObject();
                });
            }
        } else if (block instanceof Blocks.Text t) {
            for (String p : pieces.split(t.text())) {
                delta(index, g -> g.writeStringField("text", p));
            }
        } else if (block instanceof Blocks.Reasoning r) {
            for (String p : pieces.split(r.text())) {
                delta(index, g -> {
                    g.writeObjectFieldStart("reasoningContent");
                    g.writeStringField("text", p);
                    g.writeEndObject();
                });
            }
            if (r.signature() != null) {
                delta(index, g -> {
                    g.writeObjectFieldStart("reasoningContent");
                    g.writeStringField("signature", r.signature());
                    g.writeEndObject();
                });
            }
        }
        event("contentBlockStop", g -> g.writeNumberField("contentBlockIndex", index));
    }

    private void delta(int index, Out.Json delta) {
        event("contentBlockDelta", g -> {
            g.writeNumberField("contentBlockIndex", index);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
        });
    }

    /** One event: an object whose one key names it. */
    private void event(String name, Out.Json payload) {
        out.event(null, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart(name);
            payload.write(g);
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
