package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.format.ollama.OllamaWriter;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.Map;

/**
 * Ollama's native NDJSON: {@code /api/chat} chunks with a {@code message}, {@code /api/generate}
 * chunks with a {@code response} string; whole tool calls with an arguments object; a last chunk
 * with {@code done: true}, the done reason and the counts.
 */
final class OllamaStream extends EventWriter {

    private final boolean chat;
    private final String createdAt;

    OllamaStream(Completion completion, Format target, Out out, Pieces pieces) {
        super(completion, target, out, pieces);
        this.chat = target == Format.OLLAMA_CHAT;
        Object native_ = same() ? completion.extra().get("created_at") : null;
        this.createdAt = native_ instanceof String s ? s : "2026-01-01T00:00:00Z";
    }

    @Override
    void write() {
        Choice choice = firstChoice();
        if (choice != null) {
            int calls = 0;
            for (Block block : Blocks.of(choice.message())) {
                if (block instanceof Blocks.Text t) {
                    for (String p : pieces.split(t.text())) {
                        chunk(p, null, null, -1);
                    }
                } else if (block instanceof Blocks.Reasoning r) {
                    for (String p : pieces.split(r.text())) {
                        chunk("", p, null, -1);
                    }
                } else if (block instanceof Blocks.Call call && chat) {
                    chunk("", null, call, calls++);
                }
            }
        }
        String finish = choice == null ? null : Targets.finish(completion, choice, target);
        Map<String, Object> usage = Targets.usage(completion, target);
        Object context = same() ? completion.extra().get("context") : null;
        chunk("", null, null, -1, g -> {
            g.writeBooleanField("done", finish != null);
            field(g, "done_reason", finish);
            field(g, "context", context);
            if (usage != null) {
                JsonValues.writeEntries(g, usage, java.util.Set.of());
            }
        });
    }

    /** A chunk before the last: not done. */
    private void chunk(String content, String thinking, Blocks.Call call, int callIndex) {
        chunk(content, thinking, call, callIndex, g -> g.writeBooleanField("done", false));
    }

    /** A chunk: its content, thinking and call (when not null), then the fields the last one ends with. */
    private void chunk(String content, String thinking, Blocks.Call call, int callIndex, Out.Json end) {
        out.event(null, g -> {
            g.writeStartObject();
            field(g, "model", completion.model());
            g.writeStringField("created_at", createdAt);
            if (chat) {
                g.writeObjectFieldStart("message");
                g.writeStringField("role", "assistant");
                g.writeStringField("content", content);
                field(g, "thinking", thinking);
                if (call != null) {
                    g.writeArrayFieldStart("tool_calls");
                    g.writeStartObject();
                    if (call.source().id() != null) {
                        g.writeStringField("id", call.id());
                    }
                    // a native call keeps the index it was sent with (or none); another gets its place
                    Map<String, Object> index = same() ? call.source().extra() : Map.of("index", callIndex);
                    OllamaWriter.writeFunction(g, index, call.name(), call.arguments());
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeEndObject();
            } else {
                g.writeStringField("response", content);
                field(g, "thinking", thinking);
            }
            end.write(g);
            g.writeEndObject();
        });
    }
}
