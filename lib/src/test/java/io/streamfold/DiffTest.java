package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion.diff: what two recordings say the model did, compared semantically. */
class DiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Completion calls(String... arguments) {
        ToolCall[] calls = new ToolCall[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            calls[i] = new ToolCall(i, "call_" + i + "_" + arguments[i].hashCode(), "function", "get_weather", arguments[i]);
        }
        return new Completion(Format.OPENAI_CHAT, "chatcmpl-" + arguments.length, "gpt-4o", 1L, null, null,
                List.of(new Choice(0, new Message("assistant", null, null, null, List.of(calls)), FinishReason.TOOL_CALLS,
                        "tool_calls", null)), null);
    }

    private static Completion text(String text, Usage usage, String model) {
        return new Completion(Format.OPENAI_CHAT, "id-" + text.hashCode(), model, (long) text.length(), "fp_" + text.length(),
                null, List.of(new Choice(0, new Message("assistant", text, null, null, null), FinishReason.STOP, "stop", null)),
                usage);
    }

    /** The seed recording with its per-recording values changed, as a re-recording has them. */
    private static Completion reRecorded(String seed, String... replacements) throws IOException {
        String text = Files.readString(TestRecordings.path(seed));
        text = text.replaceAll("call_([A-Za-z0-9]+)", "call_$1R").replaceAll("chatcmpl-([A-Za-z0-9-]+)", "chatcmpl-$1R")
                .replaceAll("\"created\": [0-9]+", "\"created\": 1999999999");
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return ChunkAssembler.assemble(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReRecordingWithTheSameBehaviourButNewIdsAndTimesIsEquivalent() throws IOException {
        Completion old = TestRecordings.assemble("seeds/001_b46980ad0094c70c.json");
        Completion again = reRecorded("seeds/001_b46980ad0094c70c.json");

        assertThat(again.id()).isNotEqualTo(old.id());
        assertThat(again.message().toolCalls().get(0).id()).isNotEqualTo(old.message().toolCalls().get(0).id());
        assertThat(old.diff(again)).isEmpty();
        assertThat(old.diff(again, DiffOptions.defaults().withIds(true))).extracting(Difference::path)
                .contains("/id", "/created", "/tool_calls/0/id", "/tool_calls/1/id");
    }

    @Test
    void aChangedArgumentIsOneDifferenceThatNamesItsPath() throws IOException {
        Completion old = TestRecordings.assemble("seeds/001_b46980ad0094c70c.json");
        // the arguments stream in pieces: "{\"lo", "catio", "n\": \"L", "os A", "ngele", "s, USA", "\"}"
        Completion changed = reRecorded("seeds/001_b46980ad0094c70c.json", "\"s, USA\"", "\"s, CA\"");

        List<Difference> differences = old.diff(changed);

        assertThat(differences).containsExactly(
                new Difference("changed", "/tool_calls/1/arguments/location", "Los Angeles, USA", "Los Angeles, CA"));
        assertThat(differences.get(0)).hasToString(
                "/tool_calls/1/arguments/location: changed: \"Los Angeles, USA\" -> \"Los Angeles, CA\"");
    }

    @Test
    void argumentsAreComparedAsJsonNotAsText() {
        Completion a = calls("{\"city\": \"Paris\", \"days\": 3, \"units\": {\"t\": \"C\"}}");
        Completion b = calls("{\"units\":{\"t\":\"C\"},\"days\":3.0,\"city\":\"Paris\"}");

        assertThat(a.diff(b)).isEmpty();
        assertThat(a.diff(calls("{\"city\": \"Paris\", \"days\": 4, \"units\": {\"t\": \"C\"}}")))
                .containsExactly(new Difference("changed", "/tool_calls/0/arguments/days", 3, 4));
    }

    @Test
    void aCallAddedOrRemovedIsOneDifferenceAtItsIndex() {
        Completion one = calls("{\"city\": \"Paris\"}");
        Completion two = calls("{\"city\": \"Paris\"}", "{\"city\": \"Rome\"}");

        List<Difference> added = one.diff(two);
        assertThat(added).extracting(Difference::what, Difference::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("added", "/tool_calls/1"));
        assertThat(added.get(0).expected()).isNull();
        assertThat(two.diff(one)).extracting(Difference::what).containsExactly("removed");
    }

    @Test
    void keysAreEscapedAsJsonPointerTokens() {
        Completion a = calls("{\"a/b\": 1, \"c~d\": 1}");
        Completion b = calls("{\"a/b\": 2, \"c~d\": 2}");

        assertThat(a.diff(b)).extracting(Difference::path)
                .containsExactly("/tool_calls/0/arguments/a~1b", "/tool_calls/0/arguments/c~0d");
    }

    @Test
    void argumentsThatAreNoJsonAreComparedAsText() {
        Completion cut = calls("{\"city\": \"Par");
        assertThat(cut.diff(calls("{\"city\": \"Par"))).isEmpty();
        assertThat(cut.diff(calls("{\"city\": \"Paris\"}"))).extracting(Difference::path)
                .containsExactly("/tool_calls/0/arguments");
    }

    @Test
    void textIsComparedByWordsAndSpacingIsNoChange() {
        Completion a = text("The sky is blue today, and the sea is calm.", null, "m");
        Completion b = text("The  sky is\ngrey today, and the sea is calm.", null, "m");
        Completion c = text("The sky is blue today,\nand  the sea is calm. ", null, "m");

        assertThat(a.diff(c)).isEmpty();
        assertThat(a.diff(b)).containsExactly(new Difference("words changed at word 3", "/text", "blue", "grey"));
        assertThat(a.diff(text("The sky is blue today, and the sea is very calm.", null, "m")))
                .containsExactly(new Difference("words added at word 9", "/text", "", "very"));
        assertThat(a.diff(text("The sky is blue, and the sea is calm.", null, "m")))
                .containsExactly(new Difference("words changed at word 3", "/text", "blue today,", "blue,"));
    }

    @Test
    void usageIsLeftOutUnlessAskedFor() {
        Completion a = text("Hi", new Usage(10L, 2L, 12L), "m");
        Completion b = text("Hi", new Usage(11L, 2L, 13L), "m");

        assertThat(a.diff(b)).isEmpty();
        assertThat(a.diff(b, DiffOptions.defaults().withUsage(true))).extracting(Difference::path)
                .containsExactly("/usage/input_tokens", "/usage/total_tokens");
    }

    @Test
    void ignoringLeavesOutAPointerAndWhatIsUnderIt() {
        Completion a = text("Hi", null, "gpt-4o");
        Completion b = text("Hi", null, "gpt-4o-mini");

        assertThat(a.diff(b)).containsExactly(new Difference("changed", "/model", "gpt-4o", "gpt-4o-mini"));
        assertThat(a.diff(b, DiffOptions.defaults().ignoring("/model"))).isEmpty();
        assertThat(calls("{\"a\": {\"b\": 1}}").diff(calls("{\"a\": {\"b\": 2}}"),
                DiffOptions.defaults().ignoring("/tool_calls/0/arguments/a"))).isEmpty();
        assertThatThrownBy(() -> DiffOptions.defaults().ignoring("model"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with /");
    }

    @Test
    void aProviderErrorAndACutStreamDifferFromTheWholeResponse() {
        Completion whole = TestRecordings.assemble("synthetic/anthropic.messages-thinking-tools.sse");
        Completion failed = TestRecordings.assemble("synthetic/anthropic.messages-error-midstream.sse");

        assertThat(whole.diff(failed)).extracting(Difference::path).contains("/finish_reason", "/error");
    }

    @Test
    void everyBundledRecordingIsEquivalentToItselfAndHasANeutralJson() throws IOException {
        for (Path file : TestRecordings.all(".")) {
            Completion c;
            try {
                c = ChunkAssembler.assemble(file);
            } catch (AssemblyException e) {
                continue; // not a stream: nothing to compare
            }
            assertThat(c.diff(ChunkAssembler.assemble(file), DiffOptions.defaults().withIds(true).withUsage(true)))
                    .as(file.toString()).isEmpty();
            JsonNode neutral = JSON.readTree(c.toNeutralJson());
            assertThat(neutral.path("format").asText()).as(file.toString()).isEqualTo(c.format().wireName());
            assertThat(neutral.path("text").asText()).as(file.toString()).isEqualTo(c.text());
            assertThat(neutral.path("tool_calls").size()).as(file.toString())
                    .isEqualTo(c.message() == null ? 0 : c.message().toolCalls().size());
            assertThat(neutral.path("finish_reason").isNull()).as(file.toString()).isEqualTo(c.finishReason() == null);
        }
    }
}
