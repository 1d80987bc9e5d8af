package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.ANTHROPIC;
import static io.streamfold.assertj.Fixtures.ONE_TOOL_CALL;
import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.SEED_002;
import static io.streamfold.assertj.Fixtures.lines;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each assertion of CompletionAssert passes on a recording, and fails naming expected, actual and the recording. */
class CompletionAssertTest {

    private static final String SEED_002_CONTENT =
            "The Llama 4 Maverick model features a mixture-of-experts (MoE) architecture with 128 experts.";

    @TempDir
    Path tmp;

    @Nested
    class FinishReason {

        @Test
        void passesOnTheFirstChoicesFinishReason() {
            assertThatRecording(recording(SEED_000)).hasFinishReason("tool_calls");
            assertThatRecording(recording(SEED_002)).hasFinishReason("stop");
        }

        @Test
        void failsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasFinishReason("stop"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting raw finish reason to be:", "  \"stop\"", "but was:", "  \"tool_calls\""),
                            SEED_000);
        }

        @Test
        void failureEndsWithTheCompactViewOfTheMessage() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasFinishReason("stop"))
                    .hasMessageContainingAll(
                            "in completion:",
                            "recording: ",
                            "format: openai.chat, 26 chunks",
                            "content: null",
                            "[0] web_search {\"query\": \"Llama 4 Maverick model number of experts\"} (id call_HT5dvfaVabEqkflhFw2ASvdC)",
                            "[1] web_search {\"query\": \"Llama 4 Maverick experts architecture\"} (id call_TqHHWM2eIYHmd9lS7pfxAuaT)");
        }
    }

    @Nested
    class Format {

        @Test
        void passesOnTheWireFormat() {
            assertThatRecording(recording(ANTHROPIC)).hasFormat("anthropic.messages");
        }

        @Test
        void failsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasFormat("openai.chat"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("\"openai.chat\"", "\"anthropic.messages\"", ANTHROPIC);
        }
    }

    @Nested
    class Complete {

        @Test
        void passesOnAWholeStream() {
            assertThatRecording(recording(SEED_000)).isComplete();
        }

        @Test
        void failsOnAStreamCutShortNamingTheWarning() {
            Path cut = Fixtures.write(tmp, "cut-short.json", Fixtures.TRUNCATED_STREAM);
            assertThatThrownBy(() -> assertThatRecording(cut).isComplete())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting a complete completion, but it is incomplete",
                            "truncated (chunk 1): the stream ended without a finish reason", "cut-short.json",
                            "format: openai.chat, 1 chunk, incomplete");
        }
    }

    @Nested
    class Content {

        @Test
        void hasContentPassesOnTheExactText() {
            assertThatRecording(recording(SEED_002)).hasContent(SEED_002_CONTENT);
            assertThatRecording(recording(SEED_000)).hasContent(null);
        }

        @Test
        void hasContentFailsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).hasContent("The Llama 4 Maverick model"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting content to be:", "  \"The Llama 4 Maverick model\""),
                            lines("but was:", "  \"" + SEED_002_CONTENT + "\""), SEED_002);
        }

        @Test
        void hasContentFailsOnNullContent() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasContent("Searching"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("\"Searching\"", lines("but was:", "  null"), SEED_000);
        }

        @Test
        void hasNoContentPassesOnNullAndOnEmptyContent() {
            assertThatRecording(recording(SEED_000)).hasNoContent();
            assertThatRecording(recording(ONE_TOOL_CALL)).hasContent("").hasNoContent();
        }

        @Test
        void hasNoContentFailsShowingTheContent() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).hasNoContent())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting no content (null or empty)", "\"" + SEED_002_CONTENT + "\"",
                            SEED_002);
        }

        @Test
        void contentContainsPassesWhenEveryTextIsThere() {
            assertThatRecording(recording(SEED_002)).contentContains("mixture-of-experts", "128 experts");
        }

        @Test
        void contentContainsFailsListingWhatIsMissing() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).contentContains("128 experts", "256 experts"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("to contain:", "  [\"128 experts\", \"256 experts\"]"),
                            lines("but could not find:", "  [\"256 experts\"]"), "\"" + SEED_002_CONTENT + "\"", SEED_002);
        }

        @Test
        void contentContainsFailsOnNullContent() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).contentContains("Llama"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("[\"Llama\"]", "but content was null", SEED_000);
        }

        @Test
        void contentContainsRejectsNoTexts() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).contentContains())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RefusalAndReasoning {

        @Test
        void hasRefusalPassesOnTheRefusal() {
            Path refusal = Fixtures.write(tmp, "refusal.json", Fixtures.REFUSAL_STREAM);
            assertThatRecording(refusal).hasRefusal("I can't help with that.").hasNoContent().hasFinishReason("stop");
            assertThatRecording(recording(SEED_002)).hasRefusal(null);
        }

        @Test
        void hasRefusalFailsNamingExpectedActualAndRecording() {
            Path refusal = Fixtures.write(tmp, "refusal.json", Fixtures.REFUSAL_STREAM);
            assertThatThrownBy(() -> assertThatRecording(refusal).hasRefusal("I won't."))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting refusal to be:", "\"I won't.\"", "\"I can't help with that.\"",
                            "refusal.json", "refusal: \"I can't help with that.\"");
        }

        @Test
        void hasNoRefusalPassesWhenTheModelAnswered() {
            assertThatRecording(recording(SEED_002)).hasNoRefusal();
        }

        @Test
        void hasNoRefusalFailsShowingTheRefusal() {
            Path refusal = Fixtures.write(tmp, "refusal.json", Fixtures.REFUSAL_STREAM);
            assertThatThrownBy(() -> assertThatRecording(refusal).hasNoRefusal())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting no refusal but was:", "  \"I can't help with that.\""),
                            "refusal.json");
        }

        @Test
        void hasReasoningPassesOnTheThinking() {
            assertThatRecording(recording(ANTHROPIC)).hasReasoning("We need to count from 1 to 5, separated by commas."
                    + " So output: 1, 2, 3, 4, 5. Probably no trailing comma. Just that.");
            assertThatRecording(recording(SEED_002)).hasReasoning(null);
        }

        @Test
        void hasReasoningFailsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasReasoning("Count."))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting reasoning to be:", "\"Count.\"",
                            "\"We need to count from 1 to 5, separated by commas.", ANTHROPIC);
        }
    }

    @Nested
    class ToolCalls {

        @Test
        void hasNoToolCallsPassesOnAnAnswer() {
            assertThatRecording(recording(SEED_002)).hasNoToolCalls();
        }

        @Test
        void hasNoToolCallsFailsListingTheCalls() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasNoToolCalls())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting no tool calls but found 2:", "  [\"web_search\", \"web_search\"]"),
                            SEED_000);
        }

        @Test
        void hasToolCallCountPassesOnTheCount() {
            assertThatRecording(recording(SEED_000)).hasToolCallCount(2);
            assertThatRecording(recording(SEED_002)).hasToolCallCount(0);
        }

        @Test
        void hasToolCallCountFailsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCallCount(3))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting number of tool calls to be:", "  3", "but was:", "  2"), SEED_000);
        }

        @Test
        void hasToolCallsNamedPassesOnTheNamesInOrder() {
            assertThatRecording(recording(SEED_000)).hasToolCallsNamed("web_search", "web_search");
            assertThatRecording(recording(SEED_002)).hasToolCallsNamed();
        }

        @Test
        void hasToolCallsNamedFailsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCallsNamed("web_search"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting tool call names to be:", "  [\"web_search\"]", "but was:",
                            "  [\"web_search\", \"web_search\"]"), SEED_000);
        }

        @Test
        void hasToolCallsNamedFailsOnAnotherNameOrOrderOfTheSameCount() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCallsNamed("web_search", "get_weather"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("[\"web_search\", \"get_weather\"]", "[\"web_search\", \"web_search\"]", SEED_000);
            assertThatRecording(recording(Fixtures.GEMINI_FUNCTION_CALLS)).hasToolCallsNamed("get_weather", "get_time");
            assertThatThrownBy(() -> assertThatRecording(recording(Fixtures.GEMINI_FUNCTION_CALLS))
                    .hasToolCallsNamed("get_time", "get_weather"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("  [\"get_time\", \"get_weather\"]", "but was:", "  [\"get_weather\", \"get_time\"]"),
                            Fixtures.GEMINI_FUNCTION_CALLS);
        }

        @Test
        void toolCallByIndexNavigatesToTheCall() {
            ToolCallAssert second = assertThatRecording(recording(SEED_000)).toolCall(1);
            second.hasName("web_search").hasId("call_TqHHWM2eIYHmd9lS7pfxAuaT");
            assertThat(second.descriptionText()).endsWith(SEED_000 + " tool call [1]");
        }

        @Test
        void toolCallByIndexFailsWhenThereIsNone() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).toolCall(2))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting a tool call at index:", "  2", "but there are only 2 tool calls"),
                            "[1] web_search", SEED_000);
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).toolCall(0))
                    .hasMessageContainingAll("but there are no tool calls", SEED_002);
        }

        @Test
        void toolCallByNameNavigatesToTheFirstCallWithIt() {
            ToolCallAssert search = assertThatRecording(recording(SEED_000)).toolCall("web_search");
            search.hasId("call_HT5dvfaVabEqkflhFw2ASvdC");
            assertThat(search.descriptionText()).endsWith(SEED_000 + " tool call [0] web_search");
        }

        @Test
        void toolCallByNameFailsListingTheNamesPresent() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).toolCall("get_weather"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting a tool call named:", "  \"get_weather\"",
                            "but the tool calls are named:", "  [\"web_search\", \"web_search\"]"), SEED_000);
        }

        @Test
        void navigatedAssertionsFailNamingTheRecordingAndTheCall() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).toolCall(1).hasName("get_weather"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("[" + Recordings.display(recording(SEED_000)) + " tool call [1]]")
                    .hasMessageContainingAll("\"get_weather\"", "\"web_search\"", "of completion:", "recording: ");
        }

        @Test
        void returnToCompletionGoesOnWithTheCompletion() {
            CompletionAssert completion = assertThatRecording(recording(SEED_000));
            assertThat(completion.toolCall(0).hasName("web_search").returnToCompletion()).isSameAs(completion);
            assertThatThrownBy(() -> completion.toolCall(0).returnToCompletion().hasFinishReason("stop"))
                    .hasMessageContainingAll("\"stop\"", "\"tool_calls\"", SEED_000);
        }

        @Test
        void hasToolCallSatisfyingByIndexPassesWhenTheRequirementsHold() {
            assertThatRecording(recording(SEED_000))
                    .hasToolCallSatisfying(0, call -> call.hasName("web_search").hasId("call_HT5dvfaVabEqkflhFw2ASvdC"))
                    .hasToolCallSatisfying(1, call -> call.hasArgument("query", "Llama 4 Maverick experts architecture"));
        }

        @Test
        void hasToolCallSatisfyingByIndexFailsWithTheRequirementsFailure() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000))
                    .hasToolCallSatisfying(1, call -> call.hasArgument("query", "Llama 4 Maverick experts")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("tool call [1]", "\"Llama 4 Maverick experts\"",
                            "\"Llama 4 Maverick experts architecture\"", SEED_000);
        }

        @Test
        void hasToolCallSatisfyingByIndexFailsWhenThereIsNoSuchCall() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCallSatisfying(5, call -> { }))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting a tool call at index:", "  5"), "only 2 tool calls", SEED_000);
        }

        @Test
        void hasToolCallSatisfyingByNamePassesWhenTheRequirementsHold() {
            assertThatRecording(recording(SEED_000))
                    .hasToolCallSatisfying("web_search", call -> call.hasId("call_HT5dvfaVabEqkflhFw2ASvdC"));
        }

        @Test
        void hasToolCallSatisfyingByNameFailsWithTheRequirementsFailureOrTheNamesPresent() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000))
                    .hasToolCallSatisfying("web_search", call -> call.hasId("call_TqHHWM2eIYHmd9lS7pfxAuaT")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("\"call_TqHHWM2eIYHmd9lS7pfxAuaT\"", "\"call_HT5dvfaVabEqkflhFw2ASvdC\"", SEED_000);
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCallSatisfying("fetch", call -> { }))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("\"fetch\"", "[\"web_search\", \"web_search\"]", SEED_000);
        }
    }

    @Nested
    class UsageAndChoices {

        @Test
        void hasUsagePassesOnTheThreeCounts() {
            assertThatRecording(recording(ANTHROPIC)).hasUsage(79, 64, 143);
        }

        @Test
        void hasUsageFailsNamingExpectedActualAndRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasUsage(79, 64, 144))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting usage (input, output, total) to be:", "  [79, 64, 144]",
                            "but was:", "  [79, 64, 143]"), ANTHROPIC);
        }

        @Test
        void hasUsageFailsWhenThereIsNoUsage() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasUsage(1, 2, 3))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("[1, 2, 3]", "but the completion has no usage", "usage: none", SEED_000);
        }

        @Test
        void hasNoUsagePassesWhenNoneWasReported() {
            assertThatRecording(recording(SEED_000)).hasNoUsage();
        }

        @Test
        void hasNoUsageFailsShowingTheUsage() {
            assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasNoUsage())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting no usage but was:", "  input 79, output 64, total 143"),
                            ANTHROPIC);
        }

        @Test
        void usageNavigatesToTheUsage() {
            UsageAssert usage = assertThatRecording(recording(ANTHROPIC)).usage();
            usage.hasInputTokens(79).hasOutputTokens(64).hasTotalTokens(143);
            assertThat(usage.descriptionText()).endsWith(ANTHROPIC + " usage");
        }

        @Test
        void usageFailsWhenNoneWasReported() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).usage())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting a usage, but the stream reported none", SEED_000);
        }

        @Test
        void choiceNavigatesByWireIndex() {
            Path twoChoices = Fixtures.write(tmp, "two-choices.json", Fixtures.TWO_CHOICES_STREAM);
            assertThatRecording(twoChoices)
                    .hasContent("Yes").hasFinishReason("stop")
                    .choice(1).hasContent("No").hasFinishReason("tool_calls").hasToolCallsNamed("lookup");
        }

        @Test
        void choiceFailsListingTheIndexesPresent() {
            Path twoChoices = Fixtures.write(tmp, "two-choices.json", Fixtures.TWO_CHOICES_STREAM);
            assertThatThrownBy(() -> assertThatRecording(twoChoices).choice(2))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(lines("Expecting a choice with index:", "  2", "but the choices have the indexes:",
                            "  [0, 1]"), "two-choices.json", "choice [1]:");
        }
    }

    @Nested
    class WithoutARecording {

        @Test
        void assertThatTakesACompletionAndItsFailuresShowTheViewWithoutARecordingLine() {
            Completion completion = ChunkAssembler.assemble(recording(SEED_002));
            StreamfoldAssertions.assertThat(completion).hasFinishReason("stop");
            assertThatThrownBy(() -> StreamfoldAssertions.assertThat(completion).hasFinishReason("length"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("\"length\"", "\"stop\"", "in completion:", "content: \"The Llama 4")
                    .message().doesNotContain("recording:");
        }

        @Test
        void aNullCompletionFailsAsAssertJDoes() {
            assertThatThrownBy(() -> StreamfoldAssertions.assertThat((Completion) null).hasFinishReason("stop"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting actual not to be null");
            assertThatThrownBy(() -> StreamfoldAssertions.assertThat((Completion) null).toolCall(0))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting actual not to be null");
        }

        @Test
        void aCompletionWithoutChoicesFailsMessageAssertionsSayingSo() {
            Completion empty = new Completion(io.streamfold.Format.OPENAI_CHAT, "x", "m", 0L, null, null, List.of(), null);
            assertThatThrownBy(() -> StreamfoldAssertions.assertThat(empty).hasContent("x"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting a message, but the completion has no choices", "choices: none");
        }
    }

    @Nested
    class Recording {

        @Test
        void aRecordingThatDoesNotAssembleFailsNamingTheFileAndTheReason() {
            Path broken = Fixtures.write(tmp, "broken.json", "[{\"id\": \"x\", \"choices\": [");
            assertThatThrownBy(() -> assertThatRecording(broken))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("Expecting the recording:", "broken.json", "to assemble, but it failed:")
                    .cause().isInstanceOf(io.streamfold.AssemblyException.class);
        }

        @Test
        void aMissingFileFailsNamingIt() {
            Path missing = tmp.resolve("missing.json");
            assertThatThrownBy(() -> assertThatRecording(missing))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll("missing.json", "No such file");
        }

        @Test
        void theDescriptionIsTheRecordingsName() {
            assertThat(assertThatRecording(recording(SEED_000)).descriptionText())
                    .isEqualTo(Recordings.display(recording(SEED_000)))
                    .endsWith(SEED_000);
        }

        @Test
        void aDescriptionOfYourOwnReplacesThePrefixButTheViewStillNamesTheRecording() {
            assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).as("weather search").hasFinishReason("stop"))
                    .hasMessageStartingWith("[weather search]")
                    .hasMessageContaining("recording: " + Recordings.display(recording(SEED_000)));
        }
    }
}
