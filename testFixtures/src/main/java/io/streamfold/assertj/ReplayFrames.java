package io.streamfold.assertj;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply's body as the provider frames it on the wire: one frame per SSE event or NDJSON line,
 * each with its recorded time where the chunk has one; the status and content type to send.
 */
final class ReplayFrames {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String source;
    private final Format format;
    private final int status;
    private final String contentType;
    private final List<byte[]> frames;
    private final List<Instant> times;

    private ReplayFrames(String source, Format format, int status, String contentType, List<byte[]> frames, List<Instant> times) {
        this.source = source;
        this.format = format;
        this.status = status;
        this.contentType = contentType;
        this.frames = List.copyOf(frames);
        this.times = times;
    }

    static ReplayFrames written(Completion completion, StreamWriter writer) {
        byte[] bytes = writer.write(completion);
        List<byte[]> frames = switch (writer.container()) {
            case SSE -> split(bytes, true);
            case JSON_LINES -> split(bytes, false);
            case ARRAY, LLAMA_STACK -> List.of(bytes);
        };
        Format format = writer.format() != null ? writer.format() : completion.format();
        return new ReplayFrames("a " + format + " stream", format, 200, writer.container().contentType(), frames, nulls(frames.size()));
    }

    static ReplayFrames load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the recording " + path + ": " + e.getMessage(), e);
        }
        Completion folded;
        try {
            folded = ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withLenient(true).withSource(path.toString()));
        } catch (AssemblyException e) {
            folded = null; // served as it is: the client's fold will say what is wrong with it
        }
        Format format = folded == null ? null : folded.format();
        String source = path.toString();
        int first = firstByte(bytes);
        if (first == '{' || first == '[') {
            List<JsonNode> values = values(bytes, source);
            if (values != null) {
                return fromJson(source, format, values, folded != null && !folded.streamed());
            }
        }
        if (first >= 0 && first < 0x20 && first != '\n' && first != '\r' && first != '\t') {
            // a binary Amazon event stream: sent as it is
            return new ReplayFrames(source, format, 200, "application/vnd.amazon.eventstream", List.of(bytes), nulls(1));
        }
        List<byte[]> frames = split(bytes, true);
        return new ReplayFrames(source, format, 200, "text/event-stream", frames, nulls(frames.size()));
    }

    private static ReplayFrames fromJson(String source, Format format, List<JsonNode> values, boolean whole) {
        int status = 200;
        List<JsonNode> chunks = values;
        JsonNode root = values.get(0);
        if (values.size() == 1 && root.isObject() && root.path("response").has("body")) {
            JsonNode response = root.get("response");
            status = response.path("status").isInt() ? response.get("status").asInt() : 200;
            JsonNode body = response.get("body");
            if (!body.isArray() || response.path("is_streaming").isBoolean() && !response.get("is_streaming").asBoolean()) {
                return whole(source, format, status, body);
            }
            chunks = new ArrayList<>();
            body.forEach(chunks::add);
        } else if (values.size() == 1 && root.isArray()) {
            chunks = new ArrayList<>();
            root.forEach(chunks::add);
        } else if (values.size() == 1 && whole) {
            return whole(source, format, status, root);
        }
        return chunks(source, format, status, chunks);
    }

    private static ReplayFrames whole(String source, Format format, int status, JsonNode body) {
        return new ReplayFrames(source, format, status, "application/json", List.of(bytes(body)), nulls(1));
    }

    /** Chunks (typed envelopes unwrapped, SSE lines grouped) framed as the format's provider sends them. */
    private static ReplayFrames chunks(String source, Format format, int status, List<JsonNode> items) {
        boolean ndjson = format == Format.OLLAMA_CHAT || format == Format.OLLAMA_GENERATE || format == Format.BEDROCK_CONVERSE;
        List<byte[]> frames = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (JsonNode item : items) {
            if (item.isTextual()) {
                // a recorded SSE line: an event ends at an empty line
                if (item.asText().isEmpty()) {
                    frames.add((lines + "\n").getBytes(StandardCharsets.UTF_8));
                    times.add(null);
                    lines.setLength(0);
                } else {
                    lines.append(item.asText()).append('\n');
                }
                continue;
            }
            JsonNode chunk = item.has("__data__") ? item.get("__data__") : item;
            times.add(time(chunk));
            if (ndjson) {
                frames.add(concat(bytes(chunk), "\n"));
            } else {
                String name = eventName(format, chunk);
                String prefix = name == null ? "data: " : "event: " + name + "\ndata: ";
                frames.add(concat(concat(prefix.getBytes(StandardCharsets.UTF_8), bytes(chunk)), "\n\n"));
            }
        }
        if (lines.length() > 0) {
            frames.add((lines + "\n").getBytes(StandardCharsets.UTF_8));
            times.add(null);
        }
        boolean strings = !items.isEmpty() && items.get(0).isTextual();
        if (!ndjson && !strings && (format == Format.OPENAI_CHAT || format == Format.OPENAI_COMPLETION
                || format == Format.GEMINI_INTERACTIONS)) {
            String done = format == Format.GEMINI_INTERACTIONS ? "event: done\ndata: [DONE]\n\n" : "data: [DONE]\n\n";
            frames.add(done.getBytes(StandardCharsets.UTF_8));
            times.add(null);
        }
        return new ReplayFrames(source, format, status, ndjson ? "application/x-ndjson" : "text/event-stream", frames, times);
    }

    private static String eventName(Format format, JsonNode chunk) {
        if (format == Format.GEMINI_INTERACTIONS) {
            return chunk.path("event_type").isTextual() ? chunk.get("event_type").asText() : null;
        }
        if (format == Format.ANTHROPIC_MESSAGES || format == Format.OPENAI_RESPONSES || format == Format.COHERE_CHAT) {
            return chunk.path("type").isTextual() ? chunk.get("type").asText() : null;
        }
        return null;
    }

    /** Ollama's {@code created_at}, the one per-chunk timestamp providers send. */
    private static Instant time(JsonNode chunk) {
        JsonNode at = chunk.get("created_at");
        if (at != null && at.isTextual()) {
            try {
                return Instant.parse(at.asText());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Every top-level JSON value in the bytes, or null when they are not JSON. */
    private static List<JsonNode> values(byte[] bytes, String source) {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(bytes)) {
            while (it.hasNextValue()) {
                values.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return values.isEmpty() ? null : values;
    }

    /** Splits at the end of each SSE event (a blank line) or each line; separators stay with their frame. */
    private static List<byte[]> split(byte[] bytes, boolean events) {
        List<byte[]> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            boolean end = !events || (i + 1 < bytes.length && bytes[i + 1] == '\n')
                    || (i + 2 < bytes.length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n');
            if (end) {
                int stop = !events ? i + 1 : bytes[i + 1] == '\n' ? i + 2 : i + 3;
                frames.add(java.util.Arrays.copyOfRange(bytes, start, stop));
                start = stop;
                i = stop - 1;
            }
        }
        if (start < bytes.length) {
            frames.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return frames;
    }

    private static int firstByte(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xff;
            }
        }
        return -1;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<Instant> nulls(int n) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(null);
        }
        return times;
    }

    String source() {
        return source;
    }

    Format format() {
        return format;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    List<byte[]> frames() {
        return frames;
    }

    /** The recorded time of each frame, null where it has none. */
    List<Instant> times() {
        return times;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
