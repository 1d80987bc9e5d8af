package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** streamfold diff OLD NEW on re-recorded pairs: files, and folders paired by relative path. */
class DiffCommandTest {

    private static final Path SEED_001 = TestRecordings.path("seeds/001_b46980ad0094c70c.json");

    @TempDir
    Path dir;

    /** A recording re-recorded: new call ids, response ids and timestamps, and the replacements made. */
    private Path reRecorded(Path from, String name, String... replacements) throws IOException {
        String text = Files.readString(from).replaceAll("call_([A-Za-z0-9]+)", "call_$1R")
                .replaceAll("chatcmpl-([A-Za-z0-9-]+)", "chatcmpl-$1R").replaceAll("\"created\": [0-9]+", "\"created\": 7");
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Synthetic.write(dir, name, text);
    }

    @Test
    void theSameBehaviourWithOtherIdsIsEquivalent() throws IOException {
        Path again = reRecorded(SEED_001, "again.json");

        Cli.Result result = Cli.of("diff", SEED_001.toString(), again.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("1 pair: 1 equivalent, 0 differ\n");
        assertThat(Cli.of("diff", "--ids", SEED_001.toString(), again.toString()).status()).isEqualTo(1);
    }

    @Test
    void aChangedArgumentIsOneDifferenceNamingItsPath() throws IOException {
        Path changed = reRecorded(SEED_001, "changed.json", "\"s, USA\"", "\"s, CA\"");

        Cli.Result result = Cli.of("diff", SEED_001.toString(), changed.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEqualTo(SEED_001 + " -> " + changed + "\n"
                + "  /tool_calls/1/arguments/location: changed: \"Los Angeles, USA\" -> \"Los Angeles, CA\"\n"
                + "1 pair: 0 equivalent, 1 differ\n");
        assertThat(Cli.of("diff", "--ignore", "/tool_calls/1/arguments", SEED_001.toString(), changed.toString()).status())
                .isZero();
    }

    @Test
    void jsonlGivesOneLinePerDifference() throws IOException {
        Path changed = reRecorded(SEED_001, "changed.json", "\"s, USA\"", "\"s, CA\"");

        List<JsonNode> lines = Cli.of("diff", "--jsonl", SEED_001.toString(), changed.toString()).lines();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("pointer").asText()).isEqualTo("/tool_calls/1/arguments/location");
        assertThat(lines.get(0).get("what").asText()).isEqualTo("changed");
        assertThat(lines.get(0).get("expected").asText()).isEqualTo("Los Angeles, USA");
        assertThat(lines.get(0).get("actual").asText()).isEqualTo("Los Angeles, CA");
        assertThat(lines.get(0).get("response").asInt()).isZero();
    }

    @Test
    void foldersArePairedByRelativePath() throws IOException {
        Path old = dir.resolve("old");
        Path young = dir.resolve("new");
        Files.createDirectories(old.resolve("sub"));
        Files.copy(SEED_001, old.resolve("sub/weather.json"));
        Files.copy(TestRecordings.path("seeds/004_7496b14b20f27abf.json"), old.resolve("llamas.json"));
        Files.copy(TestRecordings.path("seeds/002_f3c450e043c4a2e1.json"), old.resolve("gone.json"));
        reRecorded(SEED_001, "new/sub/weather.json", "\"s, USA\"", "\"s, CA\"");
        reRecorded(TestRecordings.path("seeds/004_7496b14b20f27abf.json"), "new/llamas.json", "Peru", "Bolivia");
        Synthetic.write(dir, "new/added.jsonl", Synthetic.text("new", "stop"));

        Cli.Result result = Cli.of("diff", old.toString(), young.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains(
                "only in NEW: " + young.resolve("added.jsonl"),
                "only in OLD: " + old.resolve("gone.json"),
                old.resolve("llamas.json") + " -> " + young.resolve("llamas.json") + "\n"
                        + "  /text: words changed at word 5: \"Peru,\" -> \"Bolivia,\"\n",
                "  /tool_calls/1/arguments/location: changed:",
                "2 pairs: 0 equivalent, 2 differ; 2 in one folder only\n");
    }

    @Test
    void aRecordingThatCannotBeReadOrAFileBesideAFolderIsTrouble() {
        Path damaged = Synthetic.write(dir, "damaged.jsonl", "{\"choices\": [}\n");

        Cli.Result unreadable = Cli.of("diff", SEED_001.toString(), damaged.toString());
        assertThat(unreadable.status()).isEqualTo(2);
        assertThat(unreadable.err()).contains("damaged.jsonl", "line 1:");
        assertThat(unreadable.out()).contains("1 could not be read");

        Cli.Result mixed = Cli.of("diff", SEED_001.toString(), dir.toString());
        assertThat(mixed.status()).isEqualTo(2);
        assertThat(mixed.err()).contains("must be two files or two folders");
    }

    @Test
    void helpTellsTheExitStatus() {
        Cli.Result help = Cli.of("diff", "--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("OLD", "NEW", "--usage", "--ignore", "0   equivalent", "1   a pair differs");
    }
}
