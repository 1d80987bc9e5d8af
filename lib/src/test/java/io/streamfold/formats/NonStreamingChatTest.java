package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A non-streaming {@code chat.completion} body folds to the message it holds: its content, tool
 * calls and finish reason, not an empty message.
 */
class NonStreamingChatTest {

    private static Completion fold(String body) {
        return ChunkAssembler.assemble(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextAnswer() {
        Completion c = fold("""
                {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
                 "model":"gpt-4.1-2025-04-14","choices":[{"index":0,"message":{"role":"assistant",
                 "content":"Hello! How can I assist you today?","refusal":null,"annotations":[]},"logprobs":null,
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                 "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0}},"service_tier":"default"}
                """);
        assertThat(c.format()).isEqualTo(Format.OPENAI_CHAT);
        assertThat(c.text()).isEqualTo("Hello! How can I assist you today?");
        assertThat(c.message().role()).isEqualTo("assistant");
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.usage().inputTokens()).isEqualTo(19L);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.streamed()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void toolCallsWithoutAnIndexAreEachTheirOwnCall() {
        Completion c = fold("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1741570283,"model":"gpt-4.1",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris, France\\"}"}},
                  {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Bogotá, Colombia\\"}"}}],
                  "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":82,"completion_tokens":51,"total_tokens":133}}
                """);
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.message().content()).isNull();
        assertThat(c.message().toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(c.message().toolCalls().get(1).argumentsAsMap()).isEqualTo(Map.of("location", "Bogotá, Colombia"));
        assertThat(c.warnings()).isEmpty();
    }
}
