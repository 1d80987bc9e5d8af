package com.example.replay;

import static io.streamfold.assertj.StreamfoldAssertions.assertThat;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.assertj.Recordings;
import io.streamfold.assertj.StreamfoldSoftAssertions;
import java.nio.file.Path;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replay tests over the recordings this project keeps in src/test/resources/recordings. */
@ExtendWith(SoftAssertionsExtension.class)
class WeatherReplayTest {

    private static final Recordings RECORDINGS = Recordings.in(Path.of("src/test/resources/recordings"));

    @Test
    void openAiAsksForTheWeatherInBothCities() {
        assertThatRecording(RECORDINGS.resolve("openai-weather-two-cities.json"))
            .hasFinishReason("tool_calls")
            .hasNoContent()
            .hasToolCallsNamed("get_weather", "get_weather")
            .toolCall(1)
                .hasId("call_luCJXv7NoR73lVYKKvgETic8")
                .hasArgument("location", "Los Angeles, USA");
    }

    @Test
    void anthropicThinksThenCallsTheToolTwice(StreamfoldSoftAssertions softly) {
        softly.assertThatRecording(RECORDINGS.resolve("anthropic-weather-thinking-tools.sse"))
              .hasFinishReason("tool_use")
              .hasToolCallsNamed("get_weather", "get_weather")
              .toolCall(0).hasArgument("location", "Paris, France")
              .returnToCompletion()
              .toolCall(1).hasArgument("location", "Tokyo, Japan");
    }

    @Test
    void aWrongExpectationNamesTheRecordingAndShowsTheMessage() {
        Completion completion = ChunkAssembler.assemble(RECORDINGS.resolve("openai-weather-two-cities.json"));

        assertThatThrownBy(() -> assertThat(completion).toolCall(1).hasArgument("location", "Paris"))
                .hasMessageContaining("Expecting argument \"location\" to be:")
                .hasMessageContaining("\"Los Angeles, USA\"");
    }

    @Test
    void everyRecordingHereFolds() {
        for (Path recording : RECORDINGS.list()) {
            assertThatRecording(recording).isNotNull();
        }
    }
}
