package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A non-streaming Anthropic {@code message} folds as the stream that would have carried it. */
class NonStreamingAnthropicTest {

    @Test
    void aWholeMessageWithTextThinkingAndAToolCall() {
        Completion c = ChunkAssembler.assemble("""
                {"id":"msg_01Aq9w938a90dw8q","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"thinking","thinking":"The user wants the weather.","signature":"EqQB"},
                  {"type":"text","text":"I'll check Paris."},
                  {"type":"tool_use","id":"toolu_01A09q90qw90lq","name":"get_weather","input":{"location":"Paris, France"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":472,"cache_read_input_tokens":100,"output_tokens":91}}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(c.format()).isEqualTo(Format.ANTHROPIC_MESSAGES);
        assertThat(c.id()).isEqualTo("msg_01Aq9w938a90dw8q");
        assertThat(c.reasoning()).isEqualTo("The user wants the weather.");
        assertThat(c.text()).isEqualTo("I'll check Paris.");
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.argumentsAsMap()).isEqualTo(Map.of("location", "Paris, France"));
        });
        assertThat(c.rawFinishReason()).isEqualTo("tool_use");
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.usage().inputTokens()).isEqualTo(572L);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.streamed()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }
}
