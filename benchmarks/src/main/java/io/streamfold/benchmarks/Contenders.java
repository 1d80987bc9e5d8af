package io.streamfold.benchmarks;

import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contenders, each folding (or, for {@code jacksonScan}, only tokenising) one whole input held
 * in memory: the same code runs under JMH ({@link AssembleBenchmark}) and in the
 * {@link RatioRunner}. Every contender returns what it built, so nothing is dead code.
 *
 * <ul>
 *   <li>{@code jacksonScan}: a bare {@code nextToken()} loop over the whole input, the ceiling for any
 *       Jackson-based reader (string values are skipped unread, as the parser does until asked).
 *       On SSE text the parser reads the {@code data:} payloads through {@link SsePayloads}; the
 *       {@link RatioRunner} times SSE inputs against this scan of their JSON Lines twin instead.
 *   <li>{@code jacksonScanFile}: the same loop over a {@code Files.newInputStream} of the file: the
 *       ceiling for {@code streamfoldFile} (JSON recordings; on SSE text it scans the payloads after
 *       reading the whole file, as there is no cheaper way to frame them from a stream here).
 *   <li>{@code streamfoldBytes} / {@code streamfoldFile}: {@link ChunkAssembler#assemble(byte[])}
 *       and {@link ChunkAssembler#assemble(Path)} (the file is in the page cache).
 *   <li>{@code databindTree}: what people write first: {@code ObjectMapper.readTree} of the whole
 *       recording (of each {@code data:} line, for SSE text) and a walk that concatenates content
 *       and tool arguments per index ({@link Folded}).
 *   <li>{@code openaiJava}: the official SDK's {@link ChatCompletionAccumulator} over chunks its own
 *       mapper deserializes, the way its SSE handler does: each chunk is read into a {@code JsonNode}
 *       ({@code jsonMapper.readTree}), checked for {@code error}, and converted with
 *       {@code readerFor(ChatCompletionChunk)}. The llama-stack container is walked with a streaming
 *       parser from the same mapper: {@code readTree} of each body item, then its {@code __data__}.
 *       (The SDK also makes a String of each SSE data line and a reader per event; neither is done
 *       here, which can only favour the SDK.) Chat recordings only.
 *   <li>{@code anthropicJava}: the official SDK's {@link MessageAccumulator} over the SSE text, the way
 *       its SSE handler reads a response body: lines from a {@code BufferedReader}, {@code event:} and
 *       {@code data:} fields gathered until a blank line, {@code ping} dropped, each payload read
 *       into a {@code JsonNode} and converted with {@code readerFor(RawMessageStreamEvent)}. SSE only.
 * </ul>
 *
 * <p>All of them run the same Jackson (the benchmarks module pins every {@code com.fasterxml.jackson}
 * artifact to the library's version).
 */
public final class Contenders {

    /** The contenders in report order; {@code jacksonScan} first, as the reference. */
    public static final List<String> NAMES = List.of("jacksonScan", "jacksonScanFile", "streamfoldBytes", "streamfoldFile",
            "streamfoldIncremental", "databindTree", "openaiJava", "anthropicJava");

    private static final JsonFactory SCAN = new JsonFactory();
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonMapper OPENAI = com.openai.core.ObjectMappers.jsonMapper();
    private static final ObjectReader OPENAI_CHUNK = OPENAI.readerFor(ChatCompletionChunk.class);
    private static final JsonMapper ANTHROPIC = com.anthropic.core.ObjectMappers.jsonMapper();
    private static final ObjectReader ANTHROPIC_EVENT = ANTHROPIC.readerFor(RawMessageStreamEvent.class);
    /** The events the Anthropic SDK's SSE handler passes on (its list also has agent and session events). */
    private static final Set<String> ANTHROPIC_EVENTS = Set.of("completion", "message_start", "message_delta",
            "message_stop", "content_block_start", "content_block_delta", "content_block_stop", "message");

    private Contenders() {
    }

    /** Whether a contender can read a recording: the SDKs read only their own API's stream. */
    public static boolean applies(String contender, String recording) {
        boolean anthropic = recording.equals(Inputs.ANTHROPIC_SSE);
        return switch (contender) {
            case "openaiJava" -> !Inputs.isSse(recording);
            case "anthropicJava" -> anthropic;
            case "databindTree", "jacksonScanFile" -> !recording.equals(Inputs.RESPONSES_SSE); // no Responses walk
            default -> true;
        };
    }

    /** Runs a contender by name over an input that is also stored at {@code file}. */
    public static Object run(String contender, byte[] input, Path file) {
        return switch (contender) {
            case "jacksonScan" -> jacksonScan(input);
            case "jacksonScanFile" -> jacksonScanFile(file);
            case "streamfoldBytes" -> streamfoldBytes(input);
            case "streamfoldFile" -> streamfoldFile(file);
            case "streamfoldIncremental" -> streamfoldIncremental(input);
            case "databindTree" -> databindTree(input);
            case "openaiJava" -> openaiJava(input);
            case "anthropicJava" -> anthropicJava(input);
            default -> throw new IllegalArgumentException("unknown contender " + contender + "; known: " + NAMES);
        };
    }

    static boolean isSse(byte[] input) {
        int i = 0;
        while (i < input.length && Character.isWhitespace(input[i])) {
            i++;
        }
        return i < input.length && input[i] != '{' && input[i] != '[';
    }

    /* ---------------------------------------------------------------------------------------- */

    /** Tokenises the whole input; returns the number of tokens. */
    public static long jacksonScan(byte[] input) {
        try (JsonParser p = isSse(input) ? SCAN.createParser(new SsePayloads(input)) : SCAN.createParser(input)) {
            long tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tokenises the file through an InputStream, as a reader of files does. */
    public static long jacksonScanFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (isSse(in.readNBytes(1))) {
                return jacksonScan(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = SCAN.createParser(in)) {
            long tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Completion streamfoldBytes(byte[] input) {
        return ChunkAssembler.assemble(input);
    }

    public static Completion streamfoldFile(Path file) {
        return ChunkAssembler.assemble(file);
    }

    /** Feeds the input as a network client would, in reads of 8 KB (an SSE body, a recording). */
    public static Completion streamfoldIncremental(byte[] input) {
        io.streamfold.IncrementalAssembler assembler = ChunkAssembler.incremental();
        for (int off = 0; off < input.length; off += 8 * 1024) {
            assembler.feed(input, off, Math.min(8 * 1024, input.length - off));
        }
        return assembler.finish();
    }

    /** readTree of everything, then a walk. */
    public static Folded databindTree(byte[] input) {
        try {
            Folded folded = new Folded();
            if (isSse(input)) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input),
                        StandardCharsets.UTF_8));
                for (String line; (line = lines.readLine()) != null; ) {
                    dataLine(line, folded);
                }
                return folded;
            }
            JsonNode root = PLAIN.readTree(input);
            JsonNode body = root.has("response") ? root.path("response").path("body") : root;
            for (JsonNode item : body) {
                if (item.isTextual()) {
                    dataLine(item.asText(), folded); // an SSE line stored as a string
                } else {
                    folded.chunk(item.has("__data__") ? item.get("__data__") : item);
                }
            }
            return folded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dataLine(String line, Folded folded) throws IOException {
        if (line.startsWith("data:")) {
            String data = line.substring(line.startsWith("data: ") ? 6 : 5);
            if (!data.equals("[DONE]")) {
                folded.chunk(PLAIN.readTree(data));
            }
        }
    }

    /** The OpenAI SDK's accumulator over chunks its mapper deserializes from a llama-stack recording. */
    public static ChatCompletion openaiJava(byte[] input) {
        try (JsonParser p = OPENAI.createParser(input)) {
            toBody(p);
            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode item = OPENAI.readTree(p);
                JsonNode data = item.get("__data__");
                if (data.get("error") != null) {
                    throw new IllegalStateException("the stream carried an error: " + data.get("error"));
                }
                accumulator.accumulate(OPENAI_CHUNK.readValue(data));
            }
            return accumulator.chatCompletion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a parser to the START_ARRAY of a recording's {@code response.body}. */
    private static void toBody(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not a recording");
        }
        int depth = 0; // 0: the recording's fields, 1: response's fields
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (depth == 0 && name.equals("response") && value == JsonToken.START_OBJECT) {
                depth = 1;
            } else if (depth == 1 && name.equals("body") && value == JsonToken.START_ARRAY) {
                return;
            } else {
                p.skipChildren();
            }
        }
        throw new IOException("no response.body");
    }

    /** The Anthropic SDK's accumulator over raw SSE text, read as its SSE handler reads a response body. */
    public static com.anthropic.models.messages.Message anthropicJava(byte[] input) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input),
                StandardCharsets.UTF_8))) {
            MessageAccumulator accumulator = MessageAccumulator.create();
            String event = null;
            List<String> data = new ArrayList<>();
            for (String line = lines.readLine(); ; line = lines.readLine()) {
                if (line == null || line.isEmpty()) {
                    if (event != null && ANTHROPIC_EVENTS.contains(event) && !data.isEmpty()) {
                        JsonNode node = ANTHROPIC.readTree(String.join("\n", data));
                        accumulator.accumulate(ANTHROPIC_EVENT.readValue(node));
                    }
                    event = null;
                    data.clear();
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    data.add(value);
                }
            }
            return accumulator.message();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
