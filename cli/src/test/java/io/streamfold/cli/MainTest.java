package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process. */
class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void jsonlOverTheBundledRecordingsGivesOneCompletionPerResponse() throws IOException {
        int status = run("--jsonl", TestRecordings.root().toString());

        List<JsonNode> lines = lines();
        assertThat(status).as("3: synthetic recordings cut off or with a provider error; " + stderr()).isEqualTo(3);
        assertThat(lines.stream().map(l -> l.get("path").asText()).distinct())
                .as("every file, a cassette's responses on lines of their own")
                .hasSize(TestRecordings.all(".").size());
        assertThat(lines.stream().filter(l -> l.get("path").asText().endsWith("vcrpy-chat.yaml")))
                .extracting(l -> l.get("entry").asInt()).containsExactly(1, 2, 3);
        for (JsonNode line : lines) {
            assertThat(line.has("completion")).as(line.toString()).isTrue();
            assertThat(line.get("path").asText()).startsWith(TestRecordings.root().toString());
            if (line.get("format").isNull()) {
                // a provider's error body at a URL that names no API tells no format
                assertThat(line.at("/completion/error").isObject()).as(line.toString()).isTrue();
                continue;
            }
            assertThat(line.get("format").asText()).isIn(java.util.Arrays.stream(io.streamfold.Format.values())
                    .map(io.streamfold.Format::wireName).toList());
        }
        JsonNode seed = lines.stream()
                .filter(l -> l.get("path").asText().endsWith("seeds/001_b46980ad0094c70c.json")).findFirst().orElseThrow();
        assertThat(seed.at("/completion/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(seed.at("/completion/choices/0/message/tool_calls/1/function/arguments").asText())
                .isEqualTo("{\"location\": \"Los Angeles, USA\"}");
    }

    @Test
    void oneFileIsPrettyPrintedInItsNativeShape() throws IOException {
        int status = run(TestRecordings.path("seeds/004_7496b14b20f27abf.json").toString());

        assertThat(status).isZero();
        assertThat(stdout()).contains("\n  \"object\" : \"chat.completion\"");
        assertThat(JSON.readTree(stdout()).at("/choices/0/message/content").asText())
                .isEqualTo("Llamas are primarily found in Peru, on the continent of South America.");
    }

    @Test
    void severalFilesMakeATable() {
        int status = run(TestRecordings.path("seeds").toString());

        assertThat(status).isZero();
        String[] rows = stdout().split("\n");
        assertThat(rows[0]).startsWith("FILE").contains("FORMAT", "FINISH", "TOOL CALLS", "CONTENT");
        assertThat(rows).hasSize(8); // the header, five rows, a blank line, the summary
        assertThat(rows[1]).contains("000_4f3d0a612d65cd5e.json", "openai.chat", "tool_calls", "web_search x2");
        // a llama-stack recording is named by its test_id, without the test file's path
        assertThat(rows[5]).startsWith("test_response").contains("stop", "Llamas are primarily found");
        assertThat(rows[7]).isEqualTo("5 files, 5 responses (openai.chat 5): 5 complete, 0 incomplete, 0 failed");
        assertThat(stderr()).as("no progress line when stderr is not a terminal").isEmpty();
    }

    @Test
    void aCallOnlyMessageShowsItsCallsAndNoContentWhetherItsContentIsNullOrEmpty() {
        // chat-one-tool-call streams content "" (Ollama style); the parallel one streams content null
        int status = run(TestRecordings.path("real/chat-one-tool-call--75ae2f583e3e.json").toString(),
                TestRecordings.path("real/chat-parallel-tool-calls--e73b8fbb6fe7.json").toString());

        assertThat(status).isZero();
        String[] rows = stdout().split("\n");
        assertThat(rows[1]).contains("tool_calls", "get_current_time").doesNotContain("{}");
        assertThat(rows[2]).endsWith("file_search x2").doesNotContain("marketing");
    }

    @Test
    void halfAnEmojiAtACutOffEndIsEscapedNotLost(@TempDir Path dir) throws IOException {
        // The stream stops (length) after the high half of a pair; a whole pair earlier stays as it is.
        Path cut = dir.resolve("cut-emoji.jsonl");
        Files.writeString(cut, ""
                + "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok \\ud83d\\ude00 then \\ud83d\"},\"finish_reason\":\"length\"}]}\n");

        int status = run("--jsonl", cut.toString());

        assertThat(status).isZero();
        assertThat(stdout()).contains("\"content\":\"ok \uD83D\uDE00 then \\ud83d\"").doesNotContain("?");
        String content = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout())
                .at("/completion/choices/0/message/content").asText();
        assertThat(content).isEqualTo("ok \uD83D\uDE00 then \uD83D");
    }

    @Test
    void theTablesPreviewNeverCutsAnEmojiInHalf() {
        String text = "x".repeat(44) + "\uD83D\uDE00 and more text after it";
        String preview = Cells.cut(text, 48);
        assertThat(preview).endsWith("x...").doesNotContain("\uD83D");
        assertThat(Cells.width(Cells.cut(text, 47))).isLessThanOrEqualTo(47);
    }

    @Test
    void damagedAndNonStreamingFilesAreReportedAndTheRestGoesOn(@TempDir Path dir) throws IOException {
        Files.copy(TestRecordings.path("seeds/002_f3c450e043c4a2e1.json"), dir.resolve("a-good.json"));
        String good = Files.readString(TestRecordings.path("seeds/002_f3c450e043c4a2e1.json"));
        Files.writeString(dir.resolve("b-cut.json"), good.substring(0, good.length() / 2));
        Files.writeString(dir.resolve("c-nonstreaming.json"),
                "{\"request\": {}, \"response\": {\"body\": {\"__type__\": \"x\", \"__data__\": {}}, \"is_streaming\": false}}");
        Files.writeString(dir.resolve("d-config.json"), "{\"name\": \"not a recording\"}");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not a recording extension");

        int status = run("--jsonl", dir.toString());

        List<JsonNode> lines = lines();
        assertThat(status).isEqualTo(1);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).has("completion")).isTrue();
        JsonNode error = lines.get(1).get("error");
        assertThat(error.get("message").asText()).contains("end-of-input");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("column").asInt()).isPositive();
        assertThat(error.get("chunk").asInt()).isPositive();
        assertThat(lines.get(2).get("skipped").asText()).contains("non-streaming");
        assertThat(lines.get(3).get("skipped").asText()).contains("not a recording");
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void lenientGivesWhatWasFoldedWithTheProblems(@TempDir Path dir) throws IOException {
        String good = Files.readString(TestRecordings.path("seeds/002_f3c450e043c4a2e1.json"));
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, good.substring(0, good.indexOf("\"content\": \" experts\"")));

        int status = run("--jsonl", "--lenient", cut.toString());

        JsonNode line = lines().get(0);
        assertThat(status).as("incomplete: 3").isEqualTo(3);
        assertThat(line.get("incomplete").asBoolean()).isTrue();
        assertThat(line.at("/completion/choices/0/message/content").asText())
                .isEqualTo("The Llama 4 Maverick model features a mixture-of-experts (MoE) architecture with 128");
        assertThat(line.at("/problems/0/message").asText()).isNotEmpty();
    }

    @Test
    void aRecordingWithADamagedKeyIsAnErrorNotASkipEvenLenient(@TempDir Path dir) throws IOException {
        String good = Files.readString(TestRecordings.path("seeds/002_f3c450e043c4a2e1.json"));
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, good.replaceFirst("\"response\"", "\"respXnse\""));

        int status = run("--jsonl", damaged.toString());
        JsonNode line = lines().get(0);
        assertThat(status).as(stdout()).isNotZero();
        assertThat(line.at("/error/message").asText()).contains("Expected a response in the recording");
        assertThat(line.at("/error/line").asInt()).isPositive();

        out.reset();
        run("--jsonl", "--lenient", damaged.toString());
        JsonNode lenient = lines().get(0);
        assertThat(lenient.has("skipped")).as(lenient.toString()).isFalse();
        assertThat(lenient.get("incomplete").asBoolean()).isTrue();
        assertThat(lenient.at("/problems/0/message").asText()).contains("Expected a response in the recording");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("no PATH given");
        assertThat(run("--no-such-option", "x")).isEqualTo(2);
        assertThat(run("--format", "klingon", "x")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown format 'klingon'", "openai.chat");
    }

    @Test
    void helpExplainsTheOutputsAndExitStatus() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("--jsonl", "--format", "--lenient", "skipped", "Exit status");
    }

    @Test
    void aFailedSingleFileSaysWhereWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"response\": {\"body\": [{\"__data__\": {\"choices\": 42}}], \"is_streaming\": true}}");

        int status = run(broken.toString());

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).contains("broken.json", "chunk 1", "line 1:", "$.choices", "Expected an array for choices but found a number (42)")
                .doesNotContain("\tat ");
    }
}
