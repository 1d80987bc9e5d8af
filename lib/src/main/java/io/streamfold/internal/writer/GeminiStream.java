package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini {@code GenerateContentResponse} chunks: one part a chunk (text pieces, thought pieces,
 * whole function calls), the finish reason and the usage on each candidate's last chunk. camelCase
 * as the REST API sends it, snake_case for a completion read from the Python SDK's spelling.
 */
final class GeminiStream extends EventWriter {

    private final boolean snake;

    GeminiStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.GEMINI, out, pieces);
        this.snake = same() && snakeCase(completion);
    }

    private static boolean snakeCase(Completion c) {
        if (c.extra().keySet().stream().anyMatch(k -> k.contains("_"))) {
            return true;
        }
        return c.usage() != null && c.usage().details().keySet().stream().anyMatch(k -> k.contains("_"));
    }

    @Override
    void write() {
        List<Choice> choices = completion.choices();
        Map<String, Object> usage = Targets.usage(completion, target);
        for (int c = 0; c < choices.size(); c++) {
            Choice choice = choices.get(c);
            for (Block block : same() ? Blocks.all(choice.message()) : Blocks.of(choice.message())) {
                if (block instanceof Blocks.Text t) {
                    List<String> split = pieces.split(t.text());
                    for (int i = 0; i < split.size(); i++) {
                        String p = split.get(i);
                        Map<String, Object> extra = i == split.size() - 1 && same() ? t.extra() : Map.of();
                        part(choice, g -> {
                            g.writeStringField("text", p);
                            JsonValues.writeEntries(g, extra, Set.of("text"));
                        });
                    }
                } else if (block instanceof Blocks.Reasoning r) {
                    List<String> split = pieces.split(r.text());
                    for (int i = 0; i < split.size(); i++) {
                        String p = split.get(i);
                        boolean last = i == split.size() - 1;
                        Map<String, Object> extra = last && same() ? r.extra() : Map.of();
                        String signature = last && !extra.containsKey("thought_signature") && !extra.containsKey("thoughtSignature")
                                ? r.signature() : null;
                        part(choice, g -> {
                            g.writeStringField("text", p);
                            g.writeBooleanField("thought", true);
                            field(g, name("thought_signature"), signature);
                            JsonValues.writeEntries(g, extra, Set.of("text", "thought"));
                        });
                    }
                } else if (block instanceof Blocks.Verbatim v) {
                    part(choice, g -> JsonValues.writeEntries(g, v.part().fields(), Set.of()));
                } else if (block instanceof Blocks.Call call) {
                    part(choice, g -> {
                        g.writeObjectFieldStart(name("function_call"));
                        if (call.source().id() != null) {
                            g.writeStringField("id", call.id());
                        }
                        g.writeStringField("name", call.name());
                        g.writeFieldName("args");
                        JsonValues.writeJsonText(g, call.arguments());
                        g.writeEndObject();
                        if (same()) {
                            JsonValues.writeEntries(g, call.source().extra(), Set.of());
                        }
                    });
                }
            }
            String finish = Targets.finish(completion, choice, target);
            boolean last = c == choices.size() - 1;
            chunk(choice, null, finish, last ? usage : null, last);
        }
        if (choices.isEmpty() && (usage != null || same() && !completion.extra().isEmpty())) {
            chunk(null, null, null, usage, true);
        }
    }

    private void part(Choice choice, Out.Json part) {
        chunk(choice, part, null, null, false);
    }

    /** One chunk; the last one of a candidate carries its native fields, the stream's last one the response's. */
    private void chunk(Choice choice, Out.Json part, String finish, Map<String, Object> usage, boolean last) {
        boolean candidateEnd = finish != null || last;
        out.event(null, g -> {
            g.writeStartObject();
            if (choice != null) {
                g.writeArrayFieldStart("candidates");
                g.writeStartObject();
                g.writeObjectFieldStart("content");
                g.writeArrayFieldStart("parts");
                if (part != null) {
                    g.writeStartObject();
                    part.write(g);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("role", choice.message().role() == null ? "model" : choice.message().role());
                g.writeEndObject();
                field(g, name("finish_reason"), finish);
                g.writeNumberField("index", choice.index());
                if (candidateEnd && part == null && same()) {
                    JsonValues.writeEntries(g, choice.extra(), Set.of("index", "finish_reason", "finishReason", "content"));
                }
                g.writeEndObject();
                g.writeEndArray();
            }
            field(g, name("usage_metadata"), usage);
            field(g, name("model_version"), completion.model());
            field(g, name("response_id"), completion.id());
            if (last && same()) {
                JsonValues.writeEntries(g, completion.extra(), Set.of());
            }
            g.writeEndObject();
        });
    }

    /** A snake_case name in the stream's spelling. */
    private String name(String snakeName) {
        if (snake) {
            return snakeName;
        }
        StringBuilder camel = new StringBuilder();
        for (int i = 0; i < snakeName.length(); i++) {
            char ch = snakeName.charAt(i);
            if (ch == '_' && i + 1 < snakeName.length()) {
                camel.append(Character.toUpperCase(snakeName.charAt(++i)));
            } else {
                camel.append(ch);
            }
        }
        return camel.toString();
    }

}
