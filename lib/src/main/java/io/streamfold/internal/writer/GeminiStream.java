package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import java.util.List;
import java.util.Map;

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
            for (Block block : Blocks.of(choice.message())) {
                if (block instanceof Blocks.Text t) {
                    for (String p : pieces.split(t.text())) {
                        part(choice, g -> g.writeStringField("text", p));
                    }
                } else if (block instanceof Blocks.Reasoning r) {
                    List<String> split = pieces.split(r.text());
                    for (int i = 0; i < split.size(); i++) {
                        String p = split.get(i);
                        String signature = i == split.size() - 1 ? r.signature() : null;
                        part(choice, g -> {
                            g.writeStringField("text", p);
                            g.writeBooleanField("thought", true);
                            field(g, name("thought_signature"), signature);
                        });
                    }
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
                    });
                }
            }
            String finish = Targets.finish(completion, choice, target);
            boolean last = c == choices.size() - 1;
            chunk(choice, null, finish, last ? usage : null);
        }
        if (choices.isEmpty() && usage != null) {
            chunk(null, null, null, usage);
        }
    }

    private void part(Choice choice, Out.Json part) {
        chunk(choice, part, null, null);
    }

    private void chunk(Choice choice, Out.Json part, String finish, Map<String, Object> usage) {
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
                g.writeEndObject();
                g.writeEndArray();
            }
            field(g, name("usage_metadata"), usage);
            field(g, name("model_version"), completion.model());
            field(g, name("response_id"), completion.id());
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
