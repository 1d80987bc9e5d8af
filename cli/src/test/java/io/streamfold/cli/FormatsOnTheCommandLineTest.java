package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every format through the command line: what it prints is what the library assembles. */
class FormatsOnTheCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        // 3: some synthetic recordings are cut off or carry a provider error, on purpose
        assertThat(status).as("exit status; stderr: " + err.toString(StandardCharsets.UTF_8)).isIn(0, 3);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void jsonLinesNameEachFilesFormatAndHoldItsNativeJson() {
        String out = cli("--jsonl", TestRecordings.path("synthetic").toString(), TestRecordings.path("real").toString());
        Map<String, String> formats = new LinkedHashMap<>();
        Map<String, JsonNode> completions = new HashMap<>();
        for (String line : out.split("\n")) {
            JsonNode row = tree(line);
            String name = Path.of(row.path("path").asText()).getFileName().toString();
            formats.put(name, row.path("format").asText(null));
            completions.put(name, row.path("completion"));
        }
        List<Path> expected = new ArrayList<>(TestRecordings.all("synthetic"));
        expected.addAll(TestRecordings.all("real"));
        assertThat(formats).hasSize(expected.size());
        assertThat(formats.values()).contains("openai.chat", "openai.completion", "openai.responses",
                "anthropic.messages", "gemini", "gemini.interactions", "bedrock.converse", "cohere.chat", "ollama.chat",
                "ollama.generate");
        for (Path file : expected) {
            String name = file.getFileName().toString();
            Completion assembled = ChunkAssembler.assemble(file);
            assertThat(formats.get(name)).as(name).isEqualTo(assembled.format().wireName());
            assertThat(completions.get(name)).as(name).isEqualTo(tree(assembled.toJson()));
        }
    }

    @Test
    void writesGeminiInTheInputsSpelling() {
        String camel = cli(TestRecordings.path("synthetic/gemini-camel-thoughts-calls-2candidates.json").toString());
        assertThat(tree(camel).has("usageMetadata")).isTrue();
        assertThat(camel).doesNotContain("usage_metadata");
        String snake = cli(TestRecordings.path("synthetic/gemini-snake-text-call.json").toString());
        assertThat(tree(snake).has("usage_metadata")).isTrue();
        assertThat(snake).doesNotContain("usageMetadata");
    }

    @Test
    void formatOptionForcesTheFormat() {
        Path file = TestRecordings.path("synthetic/openai.responses-completed-mismatch.jsonl");
        String forced = cli("--jsonl", "--format", "openai.responses", file.toString());
        JsonNode row = tree(forced.strip());
        assertThat(row.path("format").asText()).isEqualTo("openai.responses");
        assertThat(row.path("warnings").toString()).contains("stream-mismatch");
        assertThat(row.path("completion")).isEqualTo(tree(ChunkAssembler.assemble(file).toJson()));
    }
}
