package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.GEMINI_FUNCTION_CALLS;
import static io.streamfold.assertj.Fixtures.SEED_002;
import static io.streamfold.assertj.Fixtures.lines;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.Choice;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Message;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChoiceAssert and MessageAssert: their own assertions, and the message assertions they share with CompletionAssert. */
class ChoiceAndMessageAssertTest {

    @TempDir
    Path tmp;

    private Path twoChoices() {
        return Fixtures.write(tmp, "two-choices.json", Fixtures.TWO_CHOICES_STREAM);
    }

    @Test
    void choiceHasFinishReasonPassesAndFails() {
        assertThatRecording(twoChoices()).choice(1).hasFinishReason("tool_calls");
        assertThatThrownBy(() -> assertThatRecording(twoChoices()).choice(1).hasFinishReason("stop"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[" + Recordings.display(tmp.resolve("two-choices.json")) + " choice [1]]")
                .hasMessageContainingAll(lines("Expecting raw finish reason to be:", "  \"stop\"", "but was:", "  \"tool_calls\""),
                        "two-choices.json", "choice [0]:", "choice [1]:");
    }

    @Test
    void aChoiceHasTheMessageAssertions() {
        assertThatRecording(twoChoices()).choice(1)
                .hasContent("No").contentContains("N").hasNoRefusal().hasReasoning(null).hasToolCallCount(1)
                .hasToolCallsNamed("lookup")
                .hasToolCallSatisfying("lookup", call -> call.hasId("call_1"))
                .toolCall(0).hasArgument("n", 2);
        assertThatThrownBy(() -> assertThatRecording(twoChoices()).choice(1).hasContent("Yes"))
                .hasMessageContainingAll("\"Yes\"", "\"No\"", "two-choices.json");
        assertThatThrownBy(() -> assertThatRecording(twoChoices()).choice(0).toolCall(0))
                .hasMessageContainingAll("but there are no tool calls", "two-choices.json");
    }

    @Test
    void aToolCallOfAChoiceIsDescribedByItsPath() {
        ToolCallAssert call = assertThatRecording(twoChoices()).choice(1).toolCall(0);
        assertThat(call.descriptionText()).endsWith("two-choices.json choice [1] tool call [0]");
    }

    @Test
    void returnToCompletionLeadsBackFromAChoice() {
        CompletionAssert completion = assertThatRecording(twoChoices());
        assertThat(completion.choice(1).returnToCompletion()).isSameAs(completion);
        assertThat(completion.choice(1).toolCall(0).returnToCompletion()).isSameAs(completion);
    }

    @Test
    void aChoiceAloneShowsItsOwnView() {
        Completion completion = ChunkAssembler.assemble(twoChoices());
        Choice second = completion.choice(1).orElseThrow();
        StreamfoldAssertions.assertThat(second).hasFinishReason("tool_calls");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(second).hasFinishReason("stop"))
                .hasMessageContainingAll("\"stop\"", "\"tool_calls\"", lines("in choice:", "  index: 1"),
                        "[0] lookup {\"n\": 2");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(second).returnToCompletion())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void messageHasRolePassesAndFails() {
        Message gemini = ChunkAssembler.assemble(recording(GEMINI_FUNCTION_CALLS)).message();
        StreamfoldAssertions.assertThat(gemini).hasRole("model").hasNoContent().hasToolCallsNamed("get_weather", "get_time");
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(gemini).hasRole("assistant"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting role to be:", "  \"assistant\"", "but was:", "  \"model\""),
                        "in message:", "[1] get_time {\"location\":\"Paris\"}");
    }

    @Test
    void aMessageHasTheMessageAssertions() {
        Message message = ChunkAssembler.assemble(recording(SEED_002)).message();
        StreamfoldAssertions.assertThat(message).contentContains("128 experts").hasNoToolCalls();
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(message).contentContains("16 experts"))
                .hasMessageContainingAll("[\"16 experts\"]", "\"The Llama 4 Maverick model features", "in message:");
    }
}
