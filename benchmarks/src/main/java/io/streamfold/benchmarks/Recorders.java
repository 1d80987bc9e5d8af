package io.streamfold.benchmarks;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes generated streams in the containers recorders store them in: a llama-stack recording
 * (pretty-printed by Python, chat chunks in typed envelopes, Anthropic events as SSE line strings),
 * JSON Lines, and raw SSE text. Each writes until about {@code target} bytes, then closes the
 * stream properly (finish and usage chunks, message_stop), so every input is a whole response.
 */
final class Recorders {

    private Recorders() {
    }

    /** An output that counts the bytes written. */
    static final class Sink implements Closeable {
        private final OutputStream out;
        private long written;

        Sink(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        void write(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            written += bytes.length;
        }

        long written() {
            return written;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** A llama-stack recording of a chat stream: {@code {"test_id", "request", "response": {"body": [...]}}}. */
    static void chatRecording(ChatStream stream, long target, Sink out) throws IOException {
        boolean tools = stream.tools();
        recordingHead("tests/integration/inference/test_openai_completion.py::test_openai_chat_completion_streaming"
                + (tools ? "_with_tools" : "") + "[txt=openai/gpt-4o]", stream.request(), out);
        boolean first = true;
        StringBuilder item = new StringBuilder(1024);
        for (Map<String, Object> chunk; (chunk = stream.next(progress(out, target))) != null; first = false) {
            item.setLength(0);
            item.append(first ? "" : ",");
            Json.newline(3, item);
            Json.write(ChatStream.envelope(chunk), Json.Style.PYTHON_PRETTY, 3, item);
            out.write(item.toString());
        }
        recordingTail(out);
    }

    /** Chat chunks one per line, as {@code json.dumps} writes them. */
    static void chatJsonl(ChatStream stream, long target, Sink out) throws IOException {
        for (Map<String, Object> chunk; (chunk = stream.next(progress(out, target))) != null; ) {
            out.write(Json.write(chunk, Json.Style.PYTHON_COMPACT) + "\n");
        }
    }

    /** Chat chunks as the API sends them: {@code data: {...}} events, then {@code data: [DONE]}. */
    static void chatSse(ChatStream stream, long target, Sink out) throws IOException {
        for (Map<String, Object> chunk; (chunk = stream.next(progress(out, target))) != null; ) {
            out.write("data: " + Json.write(chunk, Json.Style.WIRE) + "\n\n");
        }
        out.write("data: [DONE]\n\n");
    }

    /** Anthropic events as the API sends them: {@code event:} and {@code data:} lines, a blank line between. */
    static void anthropicSse(AnthropicStream stream, long target, Sink out) throws IOException {
        eventSse(stream::next, target, out, null);
    }

    /** A stream of typed events (Anthropic, Responses) that ends with null. */
    interface Events {
        Map<String, Object> next(double progress);
    }

    /**
     * Typed events as the API sends them, {@code event: <type>} and {@code data:} lines and a blank
     * line; and, unless {@code twin} is null, the same events one a line (JSON Lines), the bytes a
     * bare scan of the same events reads. Progress is the SSE text's, so both hold the same events.
     */
    static void eventSse(Events events, long target, Sink out, Sink twin) throws IOException {
        for (Map<String, Object> event; (event = events.next(progress(out, target))) != null; ) {
            String json = Json.write(event, Json.Style.WIRE);
            out.write("event: " + event.get("type") + "\ndata: " + json + "\n\n");
            if (twin != null) {
                twin.write(json + "\n");
            }
        }
    }

    /** A llama-stack recording of an Anthropic stream: body items are the SSE lines, as strings. */
    static void anthropicRecording(AnthropicStream stream, long target, Sink out) throws IOException {
        Map<String, Object> request = Json.obj("url", "https://api.anthropic.com/v1/messages", "method", "POST",
                "payload", Json.obj("model", "claude-sonnet-4-5-20250929", "messages", List.of(Json.obj("role", "user",
                        "content", "File the weekly report.")), "max_tokens", 4096, "stream", true));
        recordingHead("tests/integration/messages/test_messages.py::test_messages_streaming[txt=anthropic]", request,
                out);
        boolean first = true;
        StringBuilder item = new StringBuilder(1024);
        for (Map<String, Object> event; (event = stream.next(progress(out, target))) != null; first = false) {
            item.setLength(0);
            String[] lines = {"event: " + AnthropicStream.eventName(event), "data: " + Json.write(event, Json.Style.WIRE),
                ""};
            for (int i = 0; i < lines.length; i++) {
                item.append(first && i == 0 ? "" : ",");
                Json.newline(3, item);
                Json.quote(lines[i], true, item);
            }
            out.write(item.toString());
        }
        recordingTail(out);
    }

    private static double progress(Sink out, long target) {
        return (double) out.written() / target;
    }

    private static void recordingHead(String testId, Map<String, Object> request, Sink out) throws IOException {
        StringBuilder head = new StringBuilder("{\n  \"test_id\": ");
        Json.quote(testId, true, head);
        head.append(",\n  \"request\": ");
        Json.write(request, Json.Style.PYTHON_PRETTY, 1, head);
        head.append(",\n  \"response\": {\n    \"body\": [");
        out.write(head.toString());
    }

    private static void recordingTail(Sink out) throws IOException {
        out.write("\n    ],\n    \"is_streaming\": true\n  }\n}\n");
    }
}
