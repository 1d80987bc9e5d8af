package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Non-streaming Bedrock Converse and Cohere v2 chat responses fold as the streams that would have carried them. */
class NonStreamingBedrockCohereTest {

    private static Completion fold(String body) {
        return ChunkAssembler.assemble(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConverseResponseWithReasoningTextAndATool() {
        Completion c = fold("""
                {"output":{"message":{"role":"assistant","content":[
                  {"reasoningContent":{"reasoningText":{"text":"The user asks for a song.","signature":"EqoB"}}},
                  {"text":"I'll look up the top song."},
                  {"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"top_song","input":{"sign":"WZPZ"}}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":30,"outputTokens":628,"totalTokens":658},
                 "metrics":{"latencyMs":1275}}
                """);
        assertThat(c.format()).isEqualTo(Format.BEDROCK_CONVERSE);
        assertThat(c.reasoning()).isEqualTo("The user asks for a song.");
        assertThat(c.text()).isEqualTo("I'll look up the top song.");
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
            assertThat(call.argumentsAsMap()).isEqualTo(Map.of("sign", "WZPZ"));
        });
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.usage().inputTokens()).isEqualTo(30L);
        assertThat(c.streamed()).isFalse();
        assertThat(c.extra()).containsKey("metrics");
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aCohereChatResponseWithAToolCall() {
        Completion c = fold("""
                {"id":"c14c80c3-18eb-4519-9460-6c92edd8cfb4","finish_reason":"TOOL_CALL","message":{"role":"assistant",
                 "tool_plan":"I will look up the weather in Toronto.","tool_calls":[{"id":"get_weather_1byjy32y4hvq",
                 "type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Toronto\\"}"}}]},
                 "usage":{"billed_units":{"input_tokens":37,"output_tokens":19},"tokens":{"input_tokens":914,"output_tokens":48}}}
                """);
        assertThat(c.format()).isEqualTo(Format.COHERE_CHAT);
        assertThat(c.id()).isEqualTo("c14c80c3-18eb-4519-9460-6c92edd8cfb4");
        assertThat(c.reasoning()).isEqualTo("I will look up the weather in Toronto.");
        assertThat(c.message().toolCalls()).singleElement().satisfies(call ->
                assertThat(call.argumentsAsMap()).isEqualTo(Map.of("location", "Toronto")));
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.usage().inputTokens()).isEqualTo(914L);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aCohereChatResponseWithText() {
        Completion c = fold("""
                {"id":"5a50480a-cf52-46f0-af01-53d18539bd31","message":{"role":"assistant","content":[{"type":"text",
                 "text":"LLMs stand for Large Language Models."}]},"finish_reason":"COMPLETE",
                 "usage":{"billed_units":{"input_tokens":17,"output_tokens":8},"tokens":{"input_tokens":83,"output_tokens":8}}}
                """);
        assertThat(c.text()).isEqualTo("LLMs stand for Large Language Models.");
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.incomplete()).isFalse();
    }
}
