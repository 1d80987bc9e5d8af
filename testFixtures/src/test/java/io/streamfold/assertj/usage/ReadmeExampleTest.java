package io.streamfold.assertj.usage;

import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.FinishReason;
import io.streamfold.assertj.Recordings;
import io.streamfold.assertj.StreamfoldSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of testFixtures/README.md, word for word, in a package of their own so that they
 * use the public API only. Keep them in step with the README.
 */
@ExtendWith(SoftAssertionsExtension.class)
class ReadmeExampleTest {

    @Test
    void asksForTheWeatherInBothCities() {
        assertThatRecording(Recordings.named("seeds/001_b46980ad0094c70c.json"))
            .hasFinishReason(FinishReason.TOOL_CALLS)
            .hasNoContent()
            .hasToolCallsNamed("get_weather", "get_weather")
            .toolCall(1)
                .hasId("call_luCJXv7NoR73lVYKKvgETic8")
                .hasArgument("location", "Los Angeles, USA");
    }

    @Test
    void checksEverythingBeforeFailing(StreamfoldSoftAssertions softly) {
        softly.assertThatRecording(Recordings.named("seeds/001_b46980ad0094c70c.json"))
              .hasFinishReason(FinishReason.TOOL_CALLS)
              .toolCall(0).hasArgument("location", "San Francisco, USA")
              .returnToCompletion()
              .toolCall(1).hasArgument("location", "Los Angeles, USA");
    }

    @ParameterizedTest
    @CsvSource({
        "synthetic/openai.responses-text-call-reasoning.sse, 'Paris, France', 75",
        "synthetic/anthropic.messages-thinking-tools.sse, 'Paris, France', 472",
        "real/gemini-function-calls--5391ea814cd6.json, Paris, 33",
        "synthetic/gemini.interactions-function-call.sse, Paris, 61"})
    void asksForTheWeatherInParis(String recording, String location, long inputTokens) {
        assertThatRecording(Recordings.named(recording))
            .hasFinishReason(FinishReason.TOOL_CALLS)
            .hasToolCall("get_weather").hasArgument("location", location)
            .returnToCompletion()
            .usage().hasInputTokens(inputTokens);
    }

    @Test
    void theReadmesFailureIsTheRealOne() {
        assertThatThrownBy(() -> assertThatRecording(Recordings.named("seeds/001_b46980ad0094c70c.json"))
                .toolCall(1).hasArgument("location", "Paris"))
                .hasMessageContainingAll(
                        "seeds/001_b46980ad0094c70c.json tool call [1]]",
                        String.join(System.lineSeparator(),
                                "Expecting argument \"location\" to be:",
                                "  \"Paris\"",
                                "but was:",
                                "  \"Los Angeles, USA\"",
                                "in tool call:",
                                "  [1] get_weather {\"location\": \"Los Angeles, USA\"} (id call_luCJXv7NoR73lVYKKvgETic8)",
                                "of completion:"),
                        String.join(System.lineSeparator(),
                                "  format: openai.chat, 18 chunks",
                                "  finish reason: TOOL_CALLS (\"tool_calls\")",
                                "  content: null",
                                "  tool calls:",
                                "    [0] get_weather {\"location\": \"San Francisco, USA\"} (id call_kErWvJer6QCWVob8g1QyrJw1)",
                                "    [1] get_weather {\"location\": \"Los Angeles, USA\"} (id call_luCJXv7NoR73lVYKKvgETic8)",
                                "  usage: none"));
    }
}
