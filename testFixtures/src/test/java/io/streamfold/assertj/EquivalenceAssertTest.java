package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.SEED_001;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThat;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.DiffOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** isEquivalentTo: two recordings of the same behaviour pass, a changed value fails naming its path. */
class EquivalenceAssertTest {

    /** Seed 001 re-recorded: new call ids, response ids and timestamps, and the given replacement. */
    private static Completion reRecorded(String from, String to) throws IOException {
        String text = Files.readString(recording(SEED_001)).replaceAll("call_([A-Za-z0-9]+)", "call_$1R")
                .replaceAll("chatcmpl-([A-Za-z0-9-]+)", "chatcmpl-$1R").replaceAll("\"created\": [0-9]+", "\"created\": 7")
                .replace(from, to);
        return ChunkAssembler.assemble(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passesOnARecordingOfTheSameBehaviourWithNewIds() throws IOException {
        assertThatRecording(recording(SEED_001)).isEquivalentTo(reRecorded("", ""));
    }

    @Test
    void failsListingEachDifferenceByItsPath() throws IOException {
        Completion changed = reRecorded("\"s, USA\"", "\"s, CA\"");

        assertThatThrownBy(() -> assertThat(changed).isEquivalentTo(ChunkAssembler.assemble(recording(SEED_001))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting the completion to be equivalent to the expected one, but 1 value differs")
                .hasMessageContaining("/tool_calls/1/arguments/location: changed: \"Los Angeles, USA\" -> \"Los Angeles, CA\"")
                .hasMessageContaining("in completion:");
    }

    @Test
    void comparesTwoRecordingsAsTheIssueWritesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path reRecorded = dir.resolve("re-recorded.json");
        java.nio.file.Path changed = dir.resolve("changed.json");
        Files.writeString(reRecorded, Files.readString(recording(SEED_001)).replaceAll("call_([A-Za-z0-9]+)", "call_$1R"));
        Files.writeString(changed, Files.readString(recording(SEED_001)).replace("\"s, USA\"", "\"s, CA\""));

        assertThatRecording(reRecorded).isEquivalentTo(recording(SEED_001));
        assertThatThrownBy(() -> assertThatRecording(changed).isEquivalentTo(recording(SEED_001)))
                .hasMessageContaining("/tool_calls/1/arguments/location: changed");
        assertThatRecording(changed).isEquivalentTo(recording(SEED_001),
                DiffOptions.defaults().ignoring("/tool_calls/1/arguments"));
    }

    @Test
    void optionsLeaveOutWhatTheySay() throws IOException {
        Completion changed = reRecorded("\"s, USA\"", "\"s, CA\"");
        Completion old = ChunkAssembler.assemble(recording(SEED_001));

        assertThat(changed).isEquivalentTo(old, DiffOptions.defaults().ignoring("/tool_calls/1/arguments"));
        assertThatThrownBy(() -> assertThat(reRecorded("", "")).isEquivalentTo(old, DiffOptions.defaults().withIds(true)))
                .hasMessageContaining("/id: changed");
    }
}
