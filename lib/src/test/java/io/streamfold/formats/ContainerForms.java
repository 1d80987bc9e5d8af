package io.streamfold.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one stream (its chunks or events, as JSON objects) into every container FORMATS.md lists,
 * and reads any of those containers back into chunks, independently of streamfold.
 *
 * <pre>{@code
 * List<JsonNode> chunks = ContainerForms.read(bytes);
 * byte[] jsonl = ContainerForms.write(ContainerForms.Container.JSON_LINES, chunks);
 * }</pre>
 */
public final class ContainerForms {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ContainerForms() {
    }

    /** Every way a recorder stores a stream. */
    public enum Container {
        /** llama-stack recording, body items {@code {"__type__": ..., "__data__": chunk}}. */
        LLAMA_TYPED,
        /** The same with {@code __data__} written before {@code __type__}. */
        LLAMA_TYPED_DATA_FIRST,
        /** llama-stack recording whose body items are the chunks themselves. */
        LLAMA_PLAIN,
        /** llama-stack recording whose body items are SSE lines: {@code "event: x"}, {@code "data: {...}"}, {@code ""}. */
        LLAMA_SSE_LINES,
        /** {@code [chunk, chunk, ...]}. */
        BARE_ARRAY,
        /** One chunk per line. */
        JSON_LINES,
        /** Raw SSE text: {@code event:} lines when the format names its events, LF, no {@code [DONE]}. */
        SSE,
        /** Raw SSE text with {@code :} comment lines, {@code event:} lines, CRLF line ends and {@code data: [DONE]}. */
        SSE_CRLF_COMMENTS_DONE,
        /** Raw SSE text with no space after the colons ({@code data:{...}}), which SSE allows. */
        SSE_NO_SPACE,
        /** Raw SSE text with CR-only line ends and {@code id:} / {@code retry:} lines, which SSE allows. */
        SSE_CR_IDS,
        /** Raw SSE text with each chunk's JSON indented over several {@code data:} lines (joined with newlines). */
        SSE_MULTILINE_DATA
    }

    /** The SSE event name a chunk travels under: Anthropic and Responses {@code type}, Interactions {@code event_type}; else null. */
    public static String eventName(JsonNode chunk) {
        if (chunk.hasNonNull("event_type")) {
            return chunk.get("event_type").asText();
        }
        if (chunk.hasNonNull("type") && chunk.get("type").isTextual() && !chunk.has("object")) {
            return chunk.get("type").asText();
        }
        return null;
    }

    /** A plausible Python class name for the typed envelope of a chunk (streamfold must not depend on it). */
    public static String typeName(JsonNode chunk) {
        if (chunk.has("object") && "chat.completion.chunk".equals(chunk.get("object").asText())) {
            return "openai.types.chat.chat_completion_chunk.ChatCompletionChunk";
        }
        if (chunk.has("object") && "text_completion".equals(chunk.get("object").asText())) {
            return "openai.types.completion.Completion";
        }
        if (chunk.has("candidates") || chunk.has("usage_metadata") || chunk.has("usageMetadata")) {
            return "google.genai.types.GenerateContentResponse";
        }
        String event = eventName(chunk);
        if (event == null) {
            return "builtins.dict";
        }
        if (chunk.has("event_type")) {
            return "google.genai._interactions.types." + snake(event) + "_event." + camel(event) + "Event";
        }
        if (event.startsWith("response.") || event.equals("error")) {
            return "openai.types.responses." + snake(event) + "_event." + camel(event) + "Event";
        }
        return "anthropic.types.raw_" + snake(event) + "_event.Raw" + camel(event) + "Event";
    }

    private static String snake(String event) {
        return event.replace('.', '_');
    }

    private static String camel(String event) {
        StringBuilder sb = new StringBuilder();
        for (String piece : event.split("[._]")) {
            if (!piece.isEmpty()) {
                sb.append(piece.substring(0, 1).toUpperCase(Locale.ROOT)).append(piece.substring(1));
            }
        }
        return sb.toString();
    }

    /** Writes the chunks in the given container. */
    public static byte[] write(Container container, List<JsonNode> chunks) {
        return switch (container) {
            case LLAMA_TYPED -> llama(typedBody(chunks, false));
            case LLAMA_TYPED_DATA_FIRST -> llama(typedBody(chunks, true));
            case LLAMA_PLAIN -> llama(plainBody(chunks));
            case LLAMA_SSE_LINES -> llama(sseLinesBody(chunks));
            case BARE_ARRAY -> bareArray(chunks);
            case JSON_LINES -> jsonLines(chunks);
            case SSE -> sse(chunks, "\n", false, false, " ");
            case SSE_CRLF_COMMENTS_DONE -> sse(chunks, "\r\n", true, true, " ");
            case SSE_NO_SPACE -> sse(chunks, "\n", false, true, "");
            case SSE_CR_IDS -> sseWithIds(chunks);
            case SSE_MULTILINE_DATA -> sseMultiline(chunks);
        };
    }

    private static ArrayNode typedBody(List<JsonNode> chunks, boolean dataFirst) {
        ArrayNode body = F.arrayNode();
        for (JsonNode chunk : chunks) {
            ObjectNode item = body.addObject();
            if (dataFirst) {
                item.set("__data__", chunk);
                item.put("__type__", typeName(chunk));
            } else {
                item.put("__type__", typeName(chunk));
                item.set("__data__", chunk);
            }
        }
        return body;
    }

    private static ArrayNode plainBody(List<JsonNode> chunks) {
        ArrayNode body = F.arrayNode();
        chunks.forEach(body::add);
        return body;
    }

    private static ArrayNode sseLinesBody(List<JsonNode> chunks) {
        ArrayNode body = F.arrayNode();
        for (JsonNode chunk : chunks) {
            String event = eventName(chunk);
            if (event != null) {
                body.add("event: " + event);
            }
            body.add("data: " + compact(chunk));
            body.add("");
        }
        body.add("data: [DONE]");
        body.add("");
        return body;
    }

    private static byte[] llama(ArrayNode body) {
        ObjectNode root = F.objectNode();
        root.put("test_id", "tests/integration/test_containers.py::test_same_stream");
        ObjectNode request = root.putObject("request");
        request.put("method", "POST");
        request.put("url", "http://localhost:8321/v1/stream");
        request.putObject("body").put("stream", true);
        ObjectNode response = root.putObject("response");
        response.set("body", body);
        response.put("is_streaming", true);
        root.putObject("id_normalization_mapping");
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bareArray(List<JsonNode> chunks) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < chunks.size(); i++) {
            sb.append(i == 0 ? "  " : ",\n  ").append(compact(chunks.get(i)));
        }
        return sb.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonLines(List<JsonNode> chunks) {
        StringBuilder sb = new StringBuilder();
        chunks.forEach(c -> sb.append(compact(c)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sse(List<JsonNode> chunks, String nl, boolean comments, boolean done, String space) {
        StringBuilder sb = new StringBuilder();
        if (comments) {
            sb.append(": stream recorded by ContainerForms").append(nl).append(nl);
        }
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            if (comments && i % 3 == 1) {
                sb.append(":").append(space).append("keep-alive").append(nl).append(nl);
            }
            String event = eventName(chunk);
            if (event != null) {
                sb.append("event:").append(space).append(event).append(nl);
            }
            sb.append("data:").append(space).append(compact(chunk)).append(nl).append(nl);
        }
        if (done) {
            sb.append("data:").append(space).append("[DONE]").append(nl).append(nl);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sseWithIds(List<JsonNode> chunks) {
        StringBuilder sb = new StringBuilder("retry: 3000\r\r");
        for (int i = 0; i < chunks.size(); i++) {
            String event = eventName(chunks.get(i));
            sb.append("id: ").append(i + 1).append('\r');
            if (event != null) {
                sb.append("event: ").append(event).append('\r');
            }
            sb.append("data: ").append(compact(chunks.get(i))).append("\r\r");
        }
        return sb.append("data: [DONE]\r\r").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sseMultiline(List<JsonNode> chunks) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode chunk : chunks) {
            String event = eventName(chunk);
            if (event != null) {
                sb.append("event: ").append(event).append('\n');
            }
            String pretty;
            try {
                pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(chunk);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            for (String line : pretty.split("\n")) {
                sb.append("data: ").append(line).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the chunks of a recording in any container: a llama-stack recording (typed envelopes,
     * plain chunks or SSE lines), a bare array, JSON Lines, or raw SSE text.
     */
    public static List<JsonNode> read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        try {
            if (text.startsWith("[")) {
                List<JsonNode> out = new ArrayList<>();
                MAPPER.readTree(text).forEach(out::add);
                return out;
            }
            if (text.startsWith("{")) {
                List<JsonNode> values = new ArrayList<>();
                try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
                    while (it.hasNext()) {
                        values.add(it.next());
                    }
                }
                if (values.size() == 1 && values.get(0).path("response").has("body")) {
                    return body(values.get(0).path("response").path("body"));
                }
                return values;
            }
            List<JsonNode> out = new ArrayList<>();
            for (String data : Recordings.sseData(text)) {
                out.add(MAPPER.readTree(data));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> body(JsonNode body) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        StringBuilder sse = new StringBuilder();
        for (JsonNode item : body) {
            if (item.isTextual()) {
                sse.append(item.asText()).append('\n');
            } else if (item.has("__data__")) {
                out.add(item.get("__data__"));
            } else {
                out.add(item);
            }
        }
        for (String data : Recordings.sseData(sse.toString())) {
            out.add(MAPPER.readTree(data));
        }
        return out;
    }
}
