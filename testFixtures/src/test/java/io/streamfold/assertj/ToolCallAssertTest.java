package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.GEMINI_FUNCTION_CALLS;
import static io.streamfold.assertj.Fixtures.ONE_TOOL_CALL;
import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.SEED_001;
import static io.streamfold.assertj.Fixtures.lines;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ToolCall;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each assertion of ToolCallAssert passes on a recorded call, and fails naming expected, actual and the recording. */
class ToolCallAssertTest {

    @TempDir
    Path tmp;

    private ToolCallAssert seed000Call(int index) {
        return assertThatRecording(recording(SEED_000)).toolCall(index);
    }

    /** lookup({"n": 2, "deep": {"ok": true, "tags": ["a", null]}}) in choice [1] of a hand-written stream. */
    private ToolCallAssert lookup() {
        return assertThatRecording(Fixtures.write(tmp, "two-choices.json", Fixtures.TWO_CHOICES_STREAM)).choice(1)
                .toolCall("lookup");
    }

    @Test
    void hasNamePassesOnTheName() {
        seed000Call(0).hasName("web_search");
    }

    @Test
    void hasNameFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> seed000Call(0).hasName("get_weather"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting tool call name to be:", "  \"get_weather\"", "but was:",
                        "  \"web_search\""), SEED_000, "in tool call:",
                        "[0] web_search {\"query\": \"Llama 4 Maverick model number of experts\"}");
    }

    @Test
    void hasIdPassesOnTheIdAndOnNullWhenNoneWasSent() {
        seed000Call(1).hasId("call_TqHHWM2eIYHmd9lS7pfxAuaT");
        assertThatRecording(recording(GEMINI_FUNCTION_CALLS)).toolCall("get_time").hasId(null);
    }

    @Test
    void hasIdFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> seed000Call(1).hasId("call_HT5dvfaVabEqkflhFw2ASvdC"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Expecting tool call id to be:", "\"call_HT5dvfaVabEqkflhFw2ASvdC\"",
                        "\"call_TqHHWM2eIYHmd9lS7pfxAuaT\"", SEED_000);
    }

    @Test
    void hasTypePassesOnTheNativeType() {
        seed000Call(0).hasType("function");
    }

    @Test
    void hasTypeFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> seed000Call(0).hasType("tool_use"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("\"tool_use\"", "\"function\"", SEED_000);
    }

    @Test
    void hasArgumentsPassesOnTheExactText() {
        seed000Call(0).hasArguments("{\"query\": \"Llama 4 Maverick model number of experts\"}");
        assertThatRecording(recording(ONE_TOOL_CALL)).toolCall("get_current_time").hasArguments("{}");
    }

    @Test
    void hasArgumentsFailsOnAnyDifferenceEvenWhitespace() {
        assertThatThrownBy(() -> seed000Call(0).hasArguments("{\"query\":\"Llama 4 Maverick model number of experts\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Expecting arguments to be:",
                        "\"{\"query\":\"Llama 4 Maverick model number of experts\"}\"",
                        "\"{\"query\": \"Llama 4 Maverick model number of experts\"}\"", SEED_000);
    }

    @Test
    void hasArgumentsJsonIgnoresWhitespaceKeyOrderAndNumberSpelling() {
        seed000Call(0).hasArgumentsJson("{\n  \"query\" : \"Llama 4 Maverick model number of experts\"\n}");
        lookup().hasArgumentsJson("{\"deep\": {\"tags\": [\"a\", null], \"ok\": true}, \"n\": 2.0}");
    }

    @Test
    void hasArgumentsJsonFailsSayingWhereTheyDiffer() {
        assertThatThrownBy(() -> lookup().hasArgumentsJson("{\"n\": 2, \"deep\": {\"ok\": true, \"tags\": [\"a\", \"b\"]}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting arguments to be JSON equal to:",
                        "  {\"n\": 2, \"deep\": {\"ok\": true, \"tags\": [\"a\", \"b\"]}}", "but were:",
                        "  {\"n\": 2, \"deep\": {\"ok\": true, \"tags\": [\"a\", null]}}"),
                        "first difference at /deep/tags/1: expected \"b\" but was null", "two-choices.json");
    }

    @Test
    void hasArgumentsJsonFailsOnAMissingOrAnExtraField() {
        assertThatThrownBy(() -> seed000Call(0).hasArgumentsJson("{\"query\": \"Llama 4 Maverick model number of experts\","
                + " \"limit\": 5}"))
                .hasMessageContainingAll("first difference at /limit: expected 5 but the field is missing", SEED_000);
        assertThatThrownBy(() -> lookup().hasArgumentsJson("{\"n\": 2}"))
                .hasMessageContaining("first difference at /deep: unexpected field, with {\"ok\":true,\"tags\":[\"a\",null]}");
    }

    @Test
    void hasArgumentsJsonFailsWhenTheArgumentsAreNotJson() {
        ToolCall cut = new ToolCall(0, "call_cut", "function", "get_weather", "{\"location\": \"Par");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(cut).hasArgumentsJson("{\"location\": \"Paris\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("\"{\"location\": \"Par\"", "{\"location\":\"Paris\"}", "but they are not JSON");
    }

    @Test
    void hasArgumentsJsonRejectsAnExpectedValueThatIsNotJson() {
        assertThatThrownBy(() -> seed000Call(0).hasArgumentsJson("{query: x}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{query: x}");
    }

    @Test
    void hasArgumentComparesStringsNumbersBooleansNullsMapsAndLists() {
        assertThatRecording(recording(SEED_001)).toolCall(1).hasArgument("location", "Los Angeles, USA");
        lookup()
                .hasArgument("n", 2)
                .hasArgument("n", 2L)
                .hasArgument("n", 2.0)
                .hasArgument("deep", Map.of("ok", true, "tags", Arrays.asList("a", null)))
                .hasArgument("/deep/ok", true)
                .hasArgument("/deep/tags/0", "a")
                .hasArgument("/deep/tags/1", null)
                .hasArgument("/deep/tags", Arrays.asList("a", null));
    }

    @Test
    void hasArgumentFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> assertThatRecording(recording(SEED_001)).toolCall(1).hasArgument("location", "Paris"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting argument \"location\" to be:", "  \"Paris\"", "but was:",
                        "  \"Los Angeles, USA\""), SEED_001, "tool call [1]");
    }

    @Test
    void hasArgumentFailsOnANumberOfAnotherValueOrAStringThatLooksLikeIt() {
        assertThatThrownBy(() -> lookup().hasArgument("n", 3))
                .hasMessageContainingAll(lines("Expecting argument \"n\" to be:", "  3", "but was:", "  2"));
        assertThatThrownBy(() -> lookup().hasArgument("n", "2"))
                .hasMessageContainingAll(lines("  \"2\"", "but was:", "  2"));
    }

    @Test
    void hasArgumentFailsOnAMissingFieldListingThoseThereAre() {
        assertThatThrownBy(() -> lookup().hasArgument("limit", 5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("to have the argument \"limit\" equal to:", "  5",
                        lines("but there is no argument \"limit\"; the arguments are:", "  [n, deep]"), "two-choices.json");
    }

    @Test
    void hasArgumentTellsAJsonNullFromAMissingField() {
        assertThatThrownBy(() -> lookup().hasArgument("/deep/tags/2", null))
                .hasMessageContaining("but there is no argument \"/deep/tags/2\"");
    }

    @Test
    void parsedArgumentsGoesOnWithAssertJsMapAssertions() {
        seed000Call(0).parsedArguments()
                .containsEntry("query", "Llama 4 Maverick model number of experts")
                .hasSize(1);
        lookup().parsedArguments().containsEntry("n", 2).extractingByKey("deep").isEqualTo(
                Map.of("ok", true, "tags", Arrays.asList("a", null)));
    }

    @Test
    void parsedArgumentsFailuresAreAssertJsNamingTheRecordingAndCall() {
        assertThatThrownBy(() -> seed000Call(1).parsedArguments().containsEntry("query", "Llama"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[" + Recordings.display(recording(SEED_000)) + " tool call [1] arguments]")
                .hasMessageContainingAll("\"Llama\"", "\"Llama 4 Maverick experts architecture\"");
    }

    @Test
    void parsedArgumentsFailsWhenTheArgumentsAreNotAJsonObject() {
        ToolCall list = new ToolCall(0, null, "function", "f", "[1, 2]");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(list).parsedArguments())
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting arguments to be a JSON object but were:", "  [1, 2]"));
        ToolCall none = new ToolCall(0, null, "function", "f", "");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(none).parsedArguments())
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("to be a JSON object", "but they are not JSON: no JSON: the text is empty",
                        "[0] f <no arguments>");
    }

    @Test
    void aToolCallAloneFailsWithItsOwnViewAndCannotReturnToACompletion() {
        ToolCall call = new ToolCall(0, "call_9", "function", "get_weather", "{\"location\": \"Paris\"}");
        StreamfoldAssertions.assertThat(call).hasName("get_weather").hasArgument("location", "Paris");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(call).hasName("get_time"))
                .hasMessageContainingAll("\"get_time\"", "\"get_weather\"",
                        lines("in tool call:", "  [0] get_weather {\"location\": \"Paris\"} (id call_9)"))
                .message().doesNotContain("of completion:");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(call).returnToCompletion())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCallOfEveryRecordingHasJsonObjectArguments() {
        for (Path path : BundledRecordingsTest.everyRecording().toList()) {
            io.streamfold.Message message = io.streamfold.ChunkAssembler.assemble(path).message();
            List<ToolCall> calls = message == null ? List.of() : message.toolCalls(); // none for a blocked prompt
            for (int i = 0; i < calls.size(); i++) {
                assertThatRecording(path).toolCall(i).parsedArguments().isNotNull();
                assertThat(calls.get(i).name()).as("%s tool call [%d] name", path, i).isNotBlank();
            }
        }
    }
}
