package io.streamfold.internal.writer;

import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message as the blocks every format can carry, in the provider's order: text, reasoning, a
 * refusal, and the calls the application runs. Server calls and verbatim pieces are native to one
 * format and are not written.
 */
final class Blocks {

    /** One block of a message. */
    sealed interface Block permits Text, Reasoning, Refusal, Call, Verbatim {
    }

    /** Visible text; {@code extra} its native fields (a citation, a thought signature). */
    record Text(String text, Map<String, Object> extra) implements Block {
    }

    /** Reasoning text and its signature (null for none); {@code type} and {@code extra} as the source had them. */
    record Reasoning(String text, String signature, String type, Map<String, Object> extra) implements Block {
    }

    /** A piece kept as sent ({@link Part.Other}): written back only in its own format. */
    record Verbatim(Part.Other part) implements Block {
    }

    /** A refusal. */
    record Refusal(String text) implements Block {
    }

    /** A call the application runs; {@code id} is never null (one is made up where the stream had none). */
    record Call(String id, String name, String arguments, ToolCall source) implements Block {
    }

    private Blocks() {
    }

    /** The message's blocks in order. */
    static List<Block> of(Message m) {
        return of(m, false);
    }

    /** The message's blocks in order, with its server calls and verbatim pieces: for its own format. */
    static List<Block> all(Message m) {
        return of(m, true);
    }

    private static List<Block> of(Message m, boolean all) {
        List<Block> blocks = new ArrayList<>();
        if (m == null) {
            return blocks;
        }
        int calls = 0;
        for (Part part : m.parts()) {
            if (part instanceof Part.Text t) {
                blocks.add(new Text(t.text(), t.extra()));
            } else if (part instanceof Part.Reasoning r) {
                blocks.add(new Reasoning(r.text(), r.signature(), r.type(), r.extra()));
            } else if (part instanceof Part.Refusal r) {
                blocks.add(new Refusal(r.text()));
            } else if (part instanceof Part.Other other && all) {
                blocks.add(new Verbatim(other));
            } else if (part instanceof ToolCall call && (all || call.kind() != ToolCall.Kind.SERVER)) {
                String id = call.id() != null && !call.id().isEmpty() ? call.id() : "call_" + calls;
                blocks.add(new Call(id, call.name() == null ? "" : call.name(), call.arguments(), call));
                calls++;
            }
        }
        return blocks;
    }

    /** The blocks in chat's fixed order: reasoning, content, refusal (each joined), then the calls. */
    static List<Block> chatOrder(Message m) {
        List<Block> blocks = of(m);
        StringBuilder reasoning = new StringBuilder();
        StringBuilder text = new StringBuilder();
        StringBuilder refusal = new StringBuilder();
        boolean anyReasoning = false;
        boolean anyText = false;
        boolean anyRefusal = false;
        List<Block> calls = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Reasoning r) {
                reasoning.append(r.text());
                anyReasoning = true;
            } else if (b instanceof Text t) {
                text.append(t.text());
                anyText = true;
            } else if (b instanceof Refusal r) {
                refusal.append(r.text());
                anyRefusal = true;
            } else if (b instanceof Call) {
                calls.add(b);
            }
        }
        List<Block> ordered = new ArrayList<>();
        if (anyReasoning) {
            ordered.add(new Reasoning(reasoning.toString(), null, "reasoning", Map.of()));
        }
        if (anyText) {
            ordered.add(new Text(text.toString(), Map.of()));
        }
        if (anyRefusal) {
            ordered.add(new Refusal(refusal.toString()));
        }
        ordered.addAll(calls);
        return ordered;
    }

    /** The name a chat stream used for reasoning ({@code reasoning} or {@code reasoning_content}). */
    static String chatReasoningField(Message m) {
        if (m != null) {
            for (Part part : m.parts()) {
                if (part instanceof Part.Reasoning r && r.type().equals("reasoning")) {
                    return "reasoning";
                }
            }
        }
        return "reasoning_content";
    }
}
