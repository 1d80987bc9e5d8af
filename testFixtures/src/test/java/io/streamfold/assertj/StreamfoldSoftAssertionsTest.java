package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.ANTHROPIC;
import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.SEED_002;
import static io.streamfold.assertj.Fixtures.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.ToolCall;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Soft assertions collect every failure, those of navigated assertions included, and report them all at once. */
class StreamfoldSoftAssertionsTest {

    @TempDir
    Path tmp;

    private final StreamfoldSoftAssertions softly = new StreamfoldSoftAssertions();

    @Test
    void aFailureThroughNavigationIsReportedWithTheOthers() {
        softly.assertThatRecording(recording(SEED_000))
                .hasFinishReason("stop")                                   // fails
                .toolCall(0)
                    .hasName("get_weather")                                // fails, on the navigated assertion
                    .hasId("call_HT5dvfaVabEqkflhFw2ASvdC")                // passes
                    .returnToCompletion()
                .toolCall(1).hasArgument("query", "Llama 4 Maverick experts architecture")  // passes
                .returnToCompletion()
                .hasToolCallCount(2);                                      // passes

        List<AssertionError> errors = softly.assertionErrorsCollected();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).hasMessageContainingAll("finish reason", "\"stop\"", "\"tool_calls\"", SEED_000);
        assertThat(errors.get(1)).hasMessageContainingAll(SEED_000 + " tool call [0]]", "tool call name",
                "\"get_weather\"", "\"web_search\"");
        assertThatThrownBy(softly::assertAll)
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Multiple Failures (2 failures)", "\"stop\"", "\"get_weather\"", SEED_000);
    }

    @Test
    void withoutThisDesignAssertJsProxiesLeaveNavigationHard() {
        // The counterfactual: a CompletionAssert proxied by AssertJ alone. Its own methods are soft,
        // but the ToolCallAssert that toolCall(0) returns is a plain object, so its failure throws.
        SoftAssertions plain = new SoftAssertions();
        Completion completion = ChunkAssembler.assemble(recording(SEED_000));
        CompletionAssert proxied = plain.proxy(CompletionAssert.class, Completion.class, completion);
        proxied.hasFinishReason("stop");
        assertThat(plain.assertionErrorsCollected()).hasSize(1);
        assertThatThrownBy(() -> proxied.toolCall(0).hasName("get_weather")).isInstanceOf(AssertionError.class);
        assertThat(plain.assertionErrorsCollected()).hasSize(1);

        // The same two checks through StreamfoldSoftAssertions: both collected.
        CompletionAssert soft = softly.assertThat(completion);
        soft.hasFinishReason("stop");
        soft.toolCall(0).hasName("get_weather");
        assertThat(softly.assertionErrorsCollected()).hasSize(2);
    }

    @Test
    void aMissingPartIsOneFailureAndWhatIsChainedOnItIsSkipped() {
        softly.assertThatRecording(recording(SEED_000))
                .toolCall("get_weather").hasArgument("location", "Paris").hasId("x")   // one failure: no such call
                .returnToCompletion()
                .toolCall(5).hasName("web_search")                                      // one failure: no call [5]
                .returnToCompletion()
                .usage().hasTotalTokens(10)                                             // one failure: no usage
                .returnToCompletion()
                .choice(3).hasFinishReason("stop").toolCall(0).hasName("x")             // one failure: no choice [3]
                .returnToCompletion()
                .hasFinishReason("tool_calls");                                         // passes

        List<AssertionError> errors = softly.assertionErrorsCollected();
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).hasMessageContainingAll("Expecting a tool call named:", "\"get_weather\"",
                "[\"web_search\", \"web_search\"]", SEED_000);
        assertThat(errors.get(1)).hasMessageContainingAll("Expecting a tool call at index:", "  5", "only 2 tool calls");
        assertThat(errors.get(2)).hasMessageContainingAll("Expecting a usage, but the stream reported none", SEED_000);
        assertThat(errors.get(3)).hasMessageContainingAll("Expecting a choice with index:", "  3", "[0]", SEED_000);
    }

    @Test
    void wasSuccessSpeaksOfTheLastAssertionAndNavigationIsNotOne() {
        CompletionAssert completion = softly.assertThatRecording(recording(SEED_000));
        completion.toolCall(7);                            // a failed navigation is a failure
        assertThat(softly.wasSuccess()).isFalse();
        completion.hasFinishReason("tool_calls");
        assertThat(softly.wasSuccess()).isTrue();
        completion.toolCall(0).hasName("get_weather").returnToCompletion().usage();  // fails, then fails to navigate
        assertThat(softly.wasSuccess()).isFalse();
        completion.toolCall(0).hasName("web_search").returnToCompletion().toolCall(1);  // passes, then navigates
        assertThat(softly.wasSuccess()).isTrue();
        assertThat(softly.assertionErrorsCollected()).hasSize(3);
    }

    @Test
    void parsedArgumentsAreSoftToo() {
        softly.assertThatRecording(recording(SEED_000)).toolCall(0).parsedArguments()
                .containsEntry("query", "Llama")     // fails
                .hasSize(2)                          // fails
                .containsKey("query");               // passes
        List<AssertionError> errors = softly.assertionErrorsCollected();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).hasMessageContainingAll(SEED_000 + " tool call [0] arguments]", "\"Llama\"");
        assertThat(errors.get(1)).hasMessageContainingAll(SEED_000 + " tool call [0] arguments]", "2", "1");
    }

    @Test
    void arguments_thatAreNotJsonAreOneFailure() {
        ToolCall cut = new ToolCall(0, "c", "function", "get_weather", "{\"loc");
        softly.assertThat(cut).parsedArguments().containsKey("loc").hasSize(1);
        softly.assertThat(cut).hasName("get_time");
        assertThat(softly.assertionErrorsCollected()).hasSize(2);
        assertThat(softly.assertionErrorsCollected().get(0)).hasMessageContaining("but they are not JSON");
    }

    @Test
    void theLambdaFormCountsAsOneAssertion() {
        softly.assertThatRecording(recording(SEED_000))
                .hasToolCallSatisfying(0, call -> call.hasName("get_weather").hasId("nope"))  // one failure: the first
                .hasToolCallSatisfying(1, call -> call.hasArgument("query", "x"))            // one failure
                .hasToolCallSatisfying("web_search", call -> call.hasType("function"))       // passes
                .hasToolCallSatisfying(7, call -> { });                                        // one failure: no call [7]
        List<AssertionError> errors = softly.assertionErrorsCollected();
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).hasMessageContainingAll("\"get_weather\"", SEED_000 + " tool call [0]]")
                .message().doesNotContain("\"nope\"");
        assertThat(errors.get(1)).hasMessageContainingAll("\"x\"", "\"Llama 4 Maverick experts architecture\"");
        assertThat(errors.get(2)).hasMessageContaining("Expecting a tool call at index:");
    }

    @Test
    void aRecordingThatDoesNotAssembleIsOneFailureNamingIt() {
        Path broken = Fixtures.write(tmp, "broken.json", "[{\"id\": ");
        softly.assertThatRecording(broken).hasFinishReason("stop").toolCall(0).hasName("x").returnToCompletion()
                .usage().hasTotalTokens(3);
        softly.assertThatRecording(recording(SEED_002)).hasFinishReason("length");
        List<AssertionError> errors = softly.assertionErrorsCollected();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).hasMessageContainingAll("Expecting the recording:", "broken.json",
                "to assemble, but it failed:");
        assertThat(errors.get(1)).hasMessageContainingAll("\"length\"", "\"stop\"", SEED_002);
    }

    @Test
    void everyEntryPointIsSoft() {
        Completion anthropic = ChunkAssembler.assemble(recording(ANTHROPIC));
        softly.assertThat(anthropic).hasFormat("gemini");
        softly.assertThat(anthropic.choice(0).orElseThrow()).hasFinishReason("stop");
        softly.assertThat(anthropic.message()).hasRole("model");
        softly.assertThat(anthropic.usage()).hasInputTokens(1).hasOutputTokens(2);
        softly.assertThat(new ToolCall(0, "id", "function", "f", "{}")).hasName("g");
        softly.assertThat(List.of(1, 2)).hasSize(3);  // AssertJ's own assertions are still there
        assertThat(softly.assertionErrorsCollected()).hasSize(7);
    }

    @Test
    void passingAssertionsCollectNothing() {
        softly.assertThatRecording(recording(SEED_000))
                .hasFinishReason("tool_calls").hasNoContent().hasToolCallsNamed("web_search", "web_search")
                .toolCall(1).hasId("call_TqHHWM2eIYHmd9lS7pfxAuaT").parsedArguments().containsKey("query");
        softly.assertAll();
        assertThat(softly.assertionErrorsCollected()).isEmpty();
    }

    @Test
    void assertSoftlyWorksWithTheClass() {
        assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(StreamfoldSoftAssertions.class, s -> {
            s.assertThatRecording(recording(SEED_000)).hasFinishReason("stop");
            s.assertThatRecording(recording(SEED_000)).toolCall(1).hasName("get_weather");
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Multiple Failures (2 failures)", "\"stop\"", "\"get_weather\"", "tool call [1]");
    }
}
