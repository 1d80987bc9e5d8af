package io.streamfold.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The naive fold the {@code databindTree} contender does over {@code JsonNode}s: content of choice
 * 0 (or Anthropic text blocks) concatenated, tool calls keyed by their index with name, id and
 * arguments concatenated, the last finish reason and usage. No merge rules beyond that: it is the
 * first thing people write, not a correct folder.
 */
public final class Folded {

    /** One tool call: the first id and name, the arguments as sent. */
    public static final class Call {
        public String id;
        public String name;
        public final StringBuilder arguments = new StringBuilder();
    }

    public final StringBuilder content = new StringBuilder();
    public final Map<Integer, Call> calls = new LinkedHashMap<>();
    public String finishReason;
    public JsonNode usage;

    /** Folds a chat chunk or an Anthropic event. */
    void chunk(JsonNode chunk) {
        if (chunk.has("choices")) {
            chat(chunk);
        } else if (chunk.has("type")) {
            anthropic(chunk);
        }
    }

    private void chat(JsonNode chunk) {
        for (JsonNode choice : chunk.get("choices")) {
            JsonNode delta = choice.path("delta");
            JsonNode text = delta.path("content");
            if (text.isTextual()) {
                content.append(text.asText());
            }
            for (JsonNode fragment : delta.path("tool_calls")) {
                Call call = calls.computeIfAbsent(fragment.path("index").asInt(), i -> new Call());
                if (call.id == null && fragment.path("id").isTextual()) {
                    call.id = fragment.get("id").asText();
                }
                JsonNode function = fragment.path("function");
                if (call.name == null && function.path("name").isTextual()) {
                    call.name = function.get("name").asText();
                }
                if (function.path("arguments").isTextual()) {
                    call.arguments.append(function.get("arguments").asText());
                }
            }
            if (choice.path("finish_reason").isTextual()) {
                finishReason = choice.get("finish_reason").asText();
            }
        }
        if (chunk.path("usage").isObject()) {
            usage = chunk.get("usage");
        }
    }

    private void anthropic(JsonNode event) {
        switch (event.get("type").asText()) {
            case "content_block_start" -> {
                JsonNode block = event.path("content_block");
                if (block.path("type").asText().equals("tool_use")) {
                    Call call = calls.computeIfAbsent(event.path("index").asInt(), i -> new Call());
                    call.id = block.path("id").asText();
                    call.name = block.path("name").asText();
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                switch (delta.path("type").asText()) {
                    case "text_delta" -> content.append(delta.path("text").asText());
                    case "input_json_delta" -> calls.computeIfAbsent(event.path("index").asInt(), i -> new Call())
                            .arguments.append(delta.path("partial_json").asText());
                    default -> {
                    }
                }
            }
            case "message_delta" -> {
                if (event.path("delta").path("stop_reason").isTextual()) {
                    finishReason = event.path("delta").get("stop_reason").asText();
                }
                if (event.path("usage").isObject()) {
                    usage = event.get("usage");
                }
            }
            default -> {
            }
        }
    }
}
