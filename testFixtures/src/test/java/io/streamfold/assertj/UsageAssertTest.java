package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.PARALLEL_TOOL_CALLS;
import static io.streamfold.assertj.Fixtures.lines;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.Usage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each assertion of UsageAssert passes on a recorded usage, and fails naming expected, actual and the recording. */
class UsageAssertTest {

    @TempDir
    Path tmp;

    private UsageAssert parallelUsage() {
        return assertThatRecording(recording(PARALLEL_TOOL_CALLS)).usage();
    }

    private UsageAssert handWrittenUsage() {
        return assertThatRecording(Fixtures.write(tmp, "two-choices.json", Fixtures.TWO_CHOICES_STREAM)).usage();
    }

    @Test
    void countsPass() {
        parallelUsage().hasInputTokens(54).hasOutputTokens(44).hasTotalTokens(98).hasReasoningTokens(0)
                .hasCachedInputTokens(0);
        handWrittenUsage().hasInputTokens(5).hasOutputTokens(7).hasTotalTokens(12).hasReasoningTokens(3)
                .hasCachedInputTokens(4);
    }

    @Test
    void hasInputTokensFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> parallelUsage().hasInputTokens(55))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting input tokens to be:", "  55", "but was:", "  54"),
                        PARALLEL_TOOL_CALLS, "in usage:", "input 54, output 44, total 98");
    }

    @Test
    void hasOutputTokensFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> parallelUsage().hasOutputTokens(45))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting output tokens to be:", "  45", "but was:", "  44"),
                        PARALLEL_TOOL_CALLS);
    }

    @Test
    void hasTotalTokensFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> parallelUsage().hasTotalTokens(99))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting total tokens to be:", "  99", "but was:", "  98"),
                        PARALLEL_TOOL_CALLS);
    }

    @Test
    void hasReasoningTokensFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> handWrittenUsage().hasReasoningTokens(30))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting reasoning tokens to be:", "  30", "but was:", "  3"),
                        "two-choices.json");
    }

    @Test
    void hasCachedInputTokensFailsNamingExpectedActualAndRecording() {
        assertThatThrownBy(() -> handWrittenUsage().hasCachedInputTokens(40))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting cached input tokens to be:", "  40", "but was:", "  4"),
                        "two-choices.json");
    }

    @Test
    void aCountTheProviderDidNotSendIsNull() {
        Usage gemini = new Usage(3L, null, null);
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(gemini).hasOutputTokens(0))
                .hasMessageContainingAll(lines("  0", "but was:", "  null"), "in usage:", "input 3, output null");
    }

    @Test
    void returnToCompletionGoesBack() {
        CompletionAssert completion = assertThatRecording(recording(PARALLEL_TOOL_CALLS));
        assertThat(completion.usage().hasTotalTokens(98).returnToCompletion()).isSameAs(completion);
        assertThatThrownBy(() -> StreamfoldAssertions.assertThat(new Usage(1L, 2L, 3L)).returnToCompletion())
                .isInstanceOf(IllegalStateException.class);
    }
}
