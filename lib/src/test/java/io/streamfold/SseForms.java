package io.streamfold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a recording into the raw SSE text its provider sent: what a live client reads. */
final class SseForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SseForms() {
    }

    /** The SSE text of a recording file; files that are raw SSE already are returned as they are. */
    static byte[] of(Path recording) {
        try {
            byte[] bytes = Files.readAllBytes(recording);
            String name = recording.getFileName().toString();
            if (name.endsWith(".sse")) {
                return bytes;
            }
            StringBuilder sse = new StringBuilder(": converted from ").append(name).append("\r\n\r\n");
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        sse.append("data: ").append(line.strip()).append("\n\n");
                    }
                }
                return sse.append("data: [DONE]\n\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            JsonNode root = JSON.readTree(bytes);
            JsonNode body = root.isArray() ? root : root.at("/response/body");
            boolean anyChunk = false;
            for (JsonNode item : body) {
                if (item.isTextual()) {
                    sse.append(item.asText()).append('\n'); // stored SSE lines: already the wire text
                } else {
                    JsonNode chunk = item.has("__data__") ? item.get("__data__") : item;
                    sse.append("data: ").append(JSON.writeValueAsString(chunk)).append("\n\n");
                    anyChunk = true;
                }
            }
            if (anyChunk) {
                sse.append("data: [DONE]\n\n");
            }
            return sse.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
