package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamfold.AssemblyException;
import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.formats.ContainerForms.Container;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Format names, detection from any key order, and the {@code Format} / {@code --format} override. */
class FormatDetectionTest {

    /** Every bundled recording with the format it holds, told from its file name. */
    static Stream<Arguments> recordings() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String folder : List.of("synthetic", "real")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Recordings.root().resolve(folder))) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".md")) {
                        out.add(Arguments.of(folder + "/" + name, expectedFormat(name)));
                    }
                }
            }
        }
        return out.stream();
    }

    static String expectedFormat(String fileName) {
        if (fileName.startsWith("gemini.interactions") || fileName.startsWith("gemini-interactions")) {
            return "gemini.interactions";
        }
        if (fileName.startsWith("gemini")) {
            return "gemini";
        }
        if (fileName.startsWith("anthropic")) {
            return "anthropic.messages";
        }
        if (fileName.startsWith("openai.responses")) {
            return "openai.responses";
        }
        if (fileName.startsWith("openai.completion") || fileName.startsWith("openai-completion")) {
            return "openai.completion";
        }
        return "openai.chat";
    }

    @Test
    void formatNames() {
        assertThat(Arrays.stream(Format.values()).map(Format::wireName)).containsExactly(
                "openai.chat", "openai.completion", "openai.responses", "anthropic.messages", "gemini", "gemini.interactions");
        for (Format f : Format.values()) {
            assertThat(Format.of(f.wireName())).isSameAs(f);
            assertThat(Format.of(f.name())).isSameAs(f);
            assertThat(Format.of(f.wireName().toUpperCase())).isSameAs(f);
        }
        assertThatThrownBy(() -> Format.of("openai.chatt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openai.chat").hasMessageContaining("gemini.interactions");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("recordings")
    void detected(String recording, String format) {
        Completion c = ChunkAssembler.assemble(Recordings.root().resolve(recording));
        assertThat(c.format()).isEqualTo(Format.of(format));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("recordings")
    void overrideWithTheRightFormatChangesNothing(String recording, String format) {
        byte[] bytes = Recordings.bytes(Recordings.root().resolve(recording));
        Completion forced = ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.of(format)));
        assertThat(forced.format()).isEqualTo(Format.of(format));
        assertThat(forced).isEqualTo(ChunkAssembler.assemble(bytes));
    }

    /** Reading a stream as a format it is not must not pass silently for a stream of that format. */
    @Test
    void overrideWithTheWrongFormatIsNotSilent() {
        byte[] chat = Recordings.bytes(Recordings.synthetic("openai.chat-two-choices.sse"));
        Throwable thrown = catchThrowable(() -> {
            Completion c = ChunkAssembler.assemble(chat, AssemblerOptions.defaults().withFormat(Format.ANTHROPIC_MESSAGES));
            assertThat(c.warnings()).as("warnings of a chat stream read as anthropic.messages").isNotEmpty();
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(AssemblyException.class);
        }
    }

    // ---------------------------------------------------------------- key order

    static Stream<String> streams() {
        return ContainerEquivalenceTest.STREAMS.stream();
    }

    private static void assertSameUnder(String stream, UnaryOperator<JsonNode> rewrite, Container container) {
        byte[] bytes = Recordings.bytes(Recordings.root().resolve(stream));
        Completion original = ChunkAssembler.assemble(bytes);
        List<JsonNode> chunks = ContainerForms.read(bytes).stream().map(rewrite).toList();
        Completion rewritten = ChunkAssembler.assemble(ContainerForms.write(container, chunks));
        Recordings.assertSameJson(rewritten.toJson(), original.toJson());
        assertThat(rewritten).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void typeFieldsLastInEveryObject(String stream) {
        assertSameUnder(stream, n -> moveKeys(n, false), Container.JSON_LINES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void typeFieldsFirstInEveryObject(String stream) {
        assertSameUnder(stream, n -> moveKeys(n, true), Container.SSE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void keysReversedInEveryObject(String stream) {
        assertSameUnder(stream, FormatDetectionTest::reversed, Container.LLAMA_TYPED_DATA_FIRST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void keysSortedAsPydanticJsonDumpsWritesThem(String stream) {
        assertSameUnder(stream, FormatDetectionTest::sorted, Container.JSON_LINES);
    }

    /** {"response": {...}, "sequence_number": 0, "type": "response.created"}: the type comes after a whole response. */
    @Test
    void responsesJsonLinesWithResponseBeforeType() {
        Path sse = Recordings.synthetic("openai.responses-text-call-reasoning.sse");
        List<JsonNode> events = ContainerForms.read(Recordings.bytes(sse)).stream().map(FormatDetectionTest::sorted).toList();
        String jsonl = new String(ContainerForms.write(Container.JSON_LINES, events), StandardCharsets.UTF_8);
        assertThat(jsonl).startsWith("{\"response\":{").contains("\"sequence_number\":0,\"type\":\"response.created\"}");

        Completion c = ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(c.format()).hasToString("openai.responses");
        assertThat(c).isEqualTo(ChunkAssembler.assemble(sse));
        // the same for the recording written that way on disk
        assertThat(ChunkAssembler.assemble(Recordings.synthetic("openai.responses-completed-mismatch.jsonl")).format())
                .isEqualTo(Format.OPENAI_RESPONSES);
    }

    @Test
    void typedEnvelopeWithDataBeforeType() throws IOException {
        String refusal = Files.readString(Recordings.synthetic("openai.chat-refusal.json"));
        assertThat(refusal.indexOf("\"__data__\"")).isLessThan(refusal.indexOf("\"__type__\""));
        Completion c = ChunkAssembler.assemble(refusal.getBytes(StandardCharsets.UTF_8));
        assertThat(c.format()).hasToString("openai.chat");
        List<JsonNode> chunks = ContainerForms.read(refusal.getBytes(StandardCharsets.UTF_8));
        assertThat(ChunkAssembler.assemble(ContainerForms.write(Container.LLAMA_TYPED, chunks))).isEqualTo(c);
    }

    // ---------------------------------------------------------------- the CLI

    private static String cli(String... args) throws Exception {
        Class<?> main = Class.forName("io.streamfold.cli.Main");
        Method run = main.getDeclaredMethod("run", String[].class, PrintStream.class, PrintStream.class);
        run.setAccessible(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = (int) run.invoke(null, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status; stderr: " + err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cliJsonLinesNameEachFilesFormat() throws Exception {
        String out = cli("--jsonl", Recordings.root().resolve("synthetic").toString(), Recordings.root().resolve("real").toString());
        Map<String, String> formats = new LinkedHashMap<>();
        Map<String, JsonNode> completions = new HashMap<>();
        for (String line : out.split("\n")) {
            JsonNode row = Recordings.tree(line);
            String name = Path.of(row.path("path").asText()).getFileName().toString();
            formats.put(name, row.path("format").asText(null));
            completions.put(name, row.path("completion"));
        }
        List<Arguments> expected = recordings().toList();
        assertThat(formats).hasSize(expected.size());
        for (Arguments a : expected) {
            String recording = (String) a.get()[0];
            String name = Path.of(recording).getFileName().toString();
            assertThat(formats.get(name)).as(name).isEqualTo(a.get()[1]);
            Recordings.assertSameJson(completions.get(name),
                    Recordings.tree(ChunkAssembler.assemble(Recordings.root().resolve(recording)).toJson()));
        }
    }

    @Test
    void cliWritesGeminiInTheInputsSpelling() throws Exception {
        String camel = cli(Recordings.synthetic("gemini-camel-thoughts-calls-2candidates.json").toString());
        assertThat(Recordings.tree(camel).has("usageMetadata")).isTrue();
        assertThat(camel).doesNotContain("usage_metadata");
        String snake = cli(Recordings.synthetic("gemini-snake-text-call.json").toString());
        assertThat(Recordings.tree(snake).has("usage_metadata")).isTrue();
        assertThat(snake).doesNotContain("usageMetadata");
    }

    @Test
    void cliFormatOption() throws Exception {
        Path file = Recordings.synthetic("openai.responses-completed-mismatch.jsonl");
        String forced = cli("--jsonl", "--format", "openai.responses", file.toString());
        JsonNode row = Recordings.tree(forced.strip());
        assertThat(row.path("format").asText()).isEqualTo("openai.responses");
        assertThat(row.path("warnings").toString()).contains("stream-mismatch");
        Recordings.assertSameJson(row.path("completion"), Recordings.tree(ChunkAssembler.assemble(file).toJson()));
    }

    // ---------------------------------------------------------------- key rewriting

    private static final List<String> TYPE_KEYS = List.of("type", "event_type", "object", "__type__");
    /** Values that are a call's arguments: their key order is data (it shows in ToolCall.arguments), so keep it. */
    private static final List<String> ARGUMENT_KEYS = List.of("args", "arguments", "input");

    private static JsonNode keepOr(String key, JsonNode value, UnaryOperator<JsonNode> rewrite) {
        return ARGUMENT_KEYS.contains(key) ? value : rewrite.apply(value);
    }

    static JsonNode moveKeys(JsonNode node, boolean first) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(moveKeys(n, first)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (first) {
            TYPE_KEYS.stream().filter(node::has).forEach(k -> out.set(k, keepOr(k, node.get(k), n -> moveKeys(n, first))));
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!TYPE_KEYS.contains(e.getKey())) {
                out.set(e.getKey(), keepOr(e.getKey(), e.getValue(), n -> moveKeys(n, first)));
            }
        }
        if (!first) {
            TYPE_KEYS.stream().filter(node::has).forEach(k -> out.set(k, keepOr(k, node.get(k), n -> moveKeys(n, first))));
        }
        return out;
    }

    static JsonNode reversed(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(reversed(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (int i = entries.size() - 1; i >= 0; i--) {
            out.set(entries.get(i).getKey(), keepOr(entries.get(i).getKey(), entries.get(i).getValue(), FormatDetectionTest::reversed));
        }
        return out;
    }

    static JsonNode sorted(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        keys.forEach(k -> out.set(k, keepOr(k, node.get(k), FormatDetectionTest::sorted)));
        return out;
    }
}
