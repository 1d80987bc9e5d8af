package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording that holds several responses (an agent loop in one file): every one is printed. */
class SeveralResponsesTest {

    @TempDir
    Path dir;

    private Path loop;
    private List<Completion> responses;

    @BeforeEach
    void twoAnthropicMessagesInOneFile() throws IOException {
        String first = Files.readString(TestRecordings.path("synthetic/anthropic.messages-thinking-tools.sse"));
        String second = Files.readString(TestRecordings.path("synthetic/anthropic.messages-server-tools-redacted.sse"));
        loop = Synthetic.write(dir, "agent-loop.sse", first.stripTrailing() + "\n\n" + second);
        responses = ChunkAssembler.assembleAll(loop);
        assertThat(responses).hasSize(2);
    }

    @Test
    void oneFileIsAPrettyJsonArrayOfItsResponses() {
        Cli.Result result = Cli.of(loop.toString());

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode array = result.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0)).isEqualTo(Cli.tree(responses.get(0).toJson()));
        assertThat(array.get(1)).isEqualTo(Cli.tree(responses.get(1).toJson()));
        assertThat(result.out()).startsWith("[\n  {\n    \"id\"");
    }

    @Test
    void jsonlHasOneLinePerResponseNumberedFromZero() {
        List<JsonNode> lines = Cli.of("--jsonl", loop.toString()).lines();

        assertThat(lines).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(lines.get(i).get("response").asInt()).isEqualTo(i);
            assertThat(lines.get(i).get("responses").asInt()).isEqualTo(2);
            assertThat(lines.get(i).get("completion")).isEqualTo(Cli.tree(responses.get(i).toJson()));
        }
    }

    @Test
    void theTableHasOneRowPerResponse() {
        Cli.Result result = new Cli().columns(120).run(dir.toString(), TestRecordings.path("seeds/004_7496b14b20f27abf.json").toString());

        String[] rows = result.rows();
        assertThat(rows[1]).contains("agent-loop.sse (1 of 2)", "anthropic.messages", "tool_calls", "get_weather x2");
        assertThat(rows[2]).contains("agent-loop.sse (2 of 2)", "anthropic.messages", "get_time");
        assertThat(rows[rows.length - 1]).startsWith("2 files, 3 responses (anthropic.messages 2, openai.chat 1): 3 complete");
    }

    @Test
    void textNeutralAndCallsGiveEveryResponse() {
        assertThat(Cli.of("--text", loop.toString()).out()).startsWith("==> " + loop + " (1 of 2) <==\n")
                .contains("\n==> " + loop + " (2 of 2) <==\n");
        JsonNode neutral = Cli.of("--neutral", loop.toString()).json();
        assertThat(neutral).hasSize(2);
        assertThat(neutral.get(1).get("text").asText()).isEqualTo(responses.get(1).text());
        List<JsonNode> calls = Cli.of("--calls", loop.toString()).lines();
        assertThat(calls).extracting(c -> c.get("response").asInt()).containsExactly(0, 0, 1);
    }

    @Test
    void diffSaysWhenTheNumberOfResponsesChanged() {
        Cli.Result result = Cli.of("diff", loop.toString(), TestRecordings.path("synthetic/anthropic.messages-thinking-tools.sse").toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("  responses: 2 -> 1\n");
    }
}
