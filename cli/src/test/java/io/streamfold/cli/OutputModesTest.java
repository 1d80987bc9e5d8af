package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --text, --calls, --neutral, standard input, --version, and the same output on any number of threads. */
class OutputModesTest {

    private static final String SEED_001 = TestRecordings.path("seeds/001_b46980ad0094c70c.json").toString();
    private static final String SEED_004 = TestRecordings.path("seeds/004_7496b14b20f27abf.json").toString();

    @TempDir
    Path dir;

    @Test
    void textIsTheAssistantsTextOnlyWhateverTheFormat() {
        assertThat(Cli.of("--text", SEED_004).out())
                .isEqualTo("Llamas are primarily found in Peru, on the continent of South America.\n");
        String anthropic = TestRecordings.path("synthetic/anthropic.messages-thinking-tools.sse").toString();
        assertThat(Cli.of("--text", anthropic).out()).isEqualTo(ChunkAssembler.assemble(Path.of(anthropic)).text() + "\n");
    }

    @Test
    void textOfSeveralFilesPutsEachAfterItsName() {
        Cli.Result result = Cli.of("--text", SEED_004, SEED_001);

        assertThat(result.out()).isEqualTo("==> " + SEED_004 + " <==\n"
                + "Llamas are primarily found in Peru, on the continent of South America.\n"
                + "\n==> " + SEED_001 + " <==\n\n");
    }

    @Test
    void callsAreOneJsonLinePerToolCallWithParsedArguments() {
        List<JsonNode> lines = Cli.of("--calls", SEED_001, SEED_004).lines();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("path").asText()).isEqualTo(SEED_001);
        assertThat(lines.get(0).get("name").asText()).isEqualTo("get_weather");
        assertThat(lines.get(0).get("index").asInt()).isZero();
        assertThat(lines.get(0).get("id").asText()).isEqualTo("call_kErWvJer6QCWVob8g1QyrJw1");
        assertThat(lines.get(0).at("/arguments/location").asText()).isEqualTo("San Francisco, USA");
        assertThat(lines.get(1).at("/arguments/location").asText()).isEqualTo("Los Angeles, USA");
        assertThat(lines.get(1).get("response").asInt()).isZero();
    }

    @Test
    void callsWithArgumentsThatAreNoJsonGiveThemAsText() {
        Path cut = Synthetic.write(dir, "cut-call.jsonl", Synthetic.chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"c\","
                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\": \\\"unfinish\"}}]}", null));

        Cli.Result result = Cli.of("--calls", cut.toString());

        assertThat(result.status()).isEqualTo(3);
        assertThat(result.lines().get(0).get("arguments").asText()).isEqualTo("{\"a\": \"unfinish");
    }

    @Test
    void neutralIsTheSameShapeForEveryFormat() {
        JsonNode chat = Cli.of("--neutral", SEED_001).json();
        assertThat(chat.get("format").asText()).isEqualTo("openai.chat");
        assertThat(chat.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(chat.at("/tool_calls/1/name").asText()).isEqualTo("get_weather");
        assertThat(chat.at("/tool_calls/1/arguments/location").asText()).isEqualTo("Los Angeles, USA");
        assertThat(chat.get("text").asText()).isEmpty();

        String anthropic = TestRecordings.path("synthetic/anthropic.messages-thinking-tools.sse").toString();
        JsonNode messages = Cli.of("--neutral", anthropic).json();
        assertThat(messages.get("format").asText()).isEqualTo("anthropic.messages");
        assertThat(messages.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(messages.at("/tool_calls/0/arguments/location").asText()).isEqualTo("Paris, France");
        assertThat(messages.at("/usage/input_tokens").asLong()).isEqualTo(472);
        assertThat(messages.get("reasoning").asText()).isNotEmpty();

        JsonNode error = Cli.of("--neutral", TestRecordings.path("synthetic/anthropic.messages-error-midstream.sse").toString()).json();
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(error.get("finish_reason").asText()).isEqualTo("error");
    }

    @Test
    void neutralOfSeveralFilesIsJsonLines() {
        List<JsonNode> lines = Cli.of("--neutral", SEED_001, SEED_004).lines();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).get("path").asText()).isEqualTo(SEED_004);
        assertThat(lines.get(1).at("/neutral/text").asText()).startsWith("Llamas are primarily found");
        assertThat(lines.get(0).has("completion")).isFalse();
    }

    @Test
    void aDashReadsStandardInput() throws IOException {
        byte[] seed = Files.readAllBytes(Path.of(SEED_001));

        Cli.Result pretty = new Cli().stdin(seed).run("-");
        assertThat(pretty.status()).isZero();
        assertThat(pretty.json()).isEqualTo(Cli.tree(ChunkAssembler.assemble(seed).toJson()));

        JsonNode line = new Cli().stdin(seed).run("--jsonl", "-").lines().get(0);
        assertThat(line.get("path").asText()).isEqualTo("-");
        assertThat(line.get("test_id")).isNull(); // the seeds have none
        assertThat(new Cli().stdin(Synthetic.cut()).run("--text", "-").out()).isEqualTo("Once upon a time\n");

        Cli.Result broken = new Cli().stdin("{\"choices\": [}").run("-");
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).startsWith("streamfold: ").contains("(-, chunk 1, line 1:");
    }

    @Test
    void standardInputSitsAmongFilesInTheTable() {
        Cli.Result table = new Cli().stdin(Synthetic.text("from stdin", "stop")).run(SEED_004, "-");

        assertThat(table.rows()[2]).startsWith("-  ").contains("from stdin");
    }

    @Test
    void jsonlCarriesTheResponseIndexTheCountAndTheTestId() {
        JsonNode line = Cli.of("--jsonl", TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json").toString())
                .lines().get(0);

        assertThat(line.get("response").asInt()).isZero();
        assertThat(line.get("responses").asInt()).isEqualTo(1);
        assertThat(line.get("test_id").asText()).startsWith("tests/integration/messages/test_messages.py::");
    }

    @Test
    void versionSaysTheProjectsVersion() {
        Cli.Result version = Cli.of("--version");

        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("streamfold ").doesNotContain("unknown").doesNotContain("${");
        assertThat(version.out().lines().findFirst().orElseThrow()).matches("streamfold \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void theOutputIsTheSameOnOneThreadAndOnMany() {
        String root = TestRecordings.root().toString();
        for (String mode : List.of("--jsonl", "--calls", "--text")) {
            String one = Cli.of(mode, "--jobs", "1", root).out();
            assertThat(Cli.of(mode, "--jobs", "4", root).out()).as(mode).isEqualTo(one);
        }
        assertThat(Cli.of("--jobs", "3", root).out()).isEqualTo(Cli.of("--jobs", "1", root).out());
    }

    @Test
    void aCompletionScriptIsGenerated() {
        Cli.Result script = Cli.of("generate-completion");

        assertThat(script.status()).isZero();
        assertThat(script.out()).contains("complete -F", "streamfold", "--jsonl", "diff");
    }

    @Test
    void onePrettyResponseIsWhatTheLibraryRenders() {
        Completion c = ChunkAssembler.assemble(Path.of(SEED_001));
        assertThat(Cli.of(SEED_001).out()).isEqualTo(c.toPrettyJson() + "\n");
    }
}
