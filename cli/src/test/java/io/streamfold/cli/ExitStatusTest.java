package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exit status: 0 complete, 1 a file failed, 2 bad usage, 3 incomplete responses. */
class ExitStatusTest {

    @TempDir
    Path dir;

    @Test
    void completeResponsesExitWithZero() {
        assertThat(Cli.of(TestRecordings.path("seeds").toString()).status()).isZero();
        assertThat(Cli.of("--jsonl", TestRecordings.path("seeds/001_b46980ad0094c70c.json").toString()).status()).isZero();
    }

    @Test
    void aStreamCutAtAChunkBoundaryExitsWithThree() {
        Path cut = Synthetic.write(dir, "cut.jsonl", Synthetic.cut());

        Cli.Result single = Cli.of(cut.toString());
        assertThat(single.status()).isEqualTo(3);
        assertThat(single.json().at("/choices/0/message/content").asText()).isEqualTo("Once upon a time");
        assertThat(single.err()).contains("cut.jsonl: warning:", "truncated");

        Cli.Result table = Cli.of(TestRecordings.path("seeds").toString(), cut.toString());
        assertThat(table.status()).isEqualTo(3);
        assertThat(table.out()).contains("incomplete", "6 files, 6 responses (openai.chat 6): 5 complete, 1 incomplete, 0 failed");
    }

    @Test
    void aProviderErrorExitsWithThree() {
        String file = TestRecordings.path("synthetic/anthropic.messages-error-midstream.sse").toString();

        Cli.Result single = Cli.of(file);
        assertThat(single.status()).isEqualTo(3);
        assertThat(single.err()).contains("provider error: overloaded_error: Overloaded");
        assertThat(Cli.of("--jsonl", file).lines().get(0).get("incomplete").asBoolean()).isTrue();
        assertThat(Cli.of("--text", file).status()).isEqualTo(3);
    }

    @Test
    void aFileThatCannotBeReadExitsWithOneEvenBesideIncompleteOnes() {
        Path cut = Synthetic.write(dir, "cut.jsonl", Synthetic.cut());
        Path damaged = Synthetic.write(dir, "damaged.jsonl", Synthetic.text("ok", null) + "{\"choices\": [}\n");

        assertThat(Cli.of(dir.resolve("no-such-file.json").toString()).status()).isEqualTo(1);
        Cli.Result both = Cli.of(cut.toString(), damaged.toString());
        assertThat(both.status()).isEqualTo(1);
        assertThat(both.out()).contains("FAILED", "1 incomplete, 1 failed");
    }

    @Test
    void aForcedFormatFailsStrictAndIsIncompleteWhenLenient() {
        String cohere = TestRecordings.path("real/cohere-v2-tool-call--vercel-ai.jsonl").toString();

        assertThat(Cli.of("--format", "openai.chat", cohere).status()).isEqualTo(1);
        Cli.Result lenient = Cli.of("--format", "openai.chat", "--lenient", cohere);
        assertThat(lenient.status()).isEqualTo(3);
        assertThat(lenient.err()).contains("problem:", "the format was given, and the stream is not in it");
    }

    @Test
    void aFileThatHoldsNoLlmResponseIsSkippedWithZero() {
        Path config = Synthetic.write(dir, "config.json", "{\"name\": \"not a recording\"}");

        Cli.Result result = Cli.of(config.toString());
        assertThat(result.status()).isZero();
        assertThat(result.err()).contains("skipped", "not a recording");
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        String seed = TestRecordings.path("seeds/001_b46980ad0094c70c.json").toString();

        assertThat(Cli.of().status()).isEqualTo(2);
        assertThat(Cli.of().err()).contains("no PATH given", "Try --help");
        assertThat(Cli.of("--no-such-option", seed).err()).contains("Unknown option: '--no-such-option'");
        assertThat(Cli.of("--no-such-option", seed).status()).isEqualTo(2);
        assertThat(Cli.of("--jsonl", "--text", seed).status()).isEqualTo(2);
        assertThat(Cli.of("--jsonl", "--text", seed).err()).contains("mutually exclusive");
        assertThat(Cli.of("--only", "everything", seed).err()).contains("'everything' is none of failed, incomplete, warnings");
        assertThat(Cli.of("--jobs", "0", seed).status()).isEqualTo(2);
        assertThat(Cli.of("-", "-").status()).isEqualTo(2);
        assertThat(Cli.of("diff", seed).status()).isEqualTo(2);
    }

    @Test
    void helpDocumentsEveryExitStatus() {
        Cli.Result help = Cli.of("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Exit status:", "0   every file gave complete responses", "1   a file could not be read",
                "2   bad usage", "3   none failed, but a response is incomplete");
        assertThat(help.out()).contains("--text", "--calls", "--neutral", "--jsonl", "--only", "--jobs", "- for standard input",
                "COLUMNS", "diff");
    }
}
