package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A non-streaming Responses {@code response} folds as the stream that would have ended with it. */
class NonStreamingResponsesTest {

    private static Completion fold(String body) {
        return ChunkAssembler.assemble(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextAnswer() {
        Completion c = fold("""
                {"id":"resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b","object":"response","created_at":1741476542,
                 "status":"completed","error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,
                 "model":"gpt-4.1-2025-04-14","output":[{"type":"message","id":"msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                 "status":"completed","role":"assistant","content":[{"type":"output_text",
                 "text":"In a peaceful grove beneath a silver moon, a unicorn named Lumina discovered a hidden pool.",
                 "annotations":[]}]}],"parallel_tool_calls":true,"previous_response_id":null,"reasoning":{"effort":null,
                 "summary":null},"store":true,"temperature":1.0,"text":{"format":{"type":"text"}},"tool_choice":"auto",
                 "tools":[],"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":36,"input_tokens_details":
                 {"cached_tokens":0},"output_tokens":87,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":123},
                 "user":null,"metadata":{}}
                """);
        assertThat(c.format()).isEqualTo(Format.OPENAI_RESPONSES);
        assertThat(c.id()).isEqualTo("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b");
        assertThat(c.text()).startsWith("In a peaceful grove");
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.rawFinishReason()).isEqualTo("completed");
        assertThat(c.usage().inputTokens()).isEqualTo(36L);
        assertThat(c.streamed()).isFalse();
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aFunctionCall() {
        Completion c = fold("""
                {"id":"resp_1","object":"response","created_at":1741294021,"status":"completed","model":"gpt-4.1",
                 "output":[{"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_current_weather",
                 "arguments":"{\\"location\\":\\"Boston, MA\\",\\"unit\\":\\"celsius\\"}","status":"completed"}],
                 "usage":{"input_tokens":291,"output_tokens":23,"total_tokens":314}}
                """);
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_current_weather");
            assertThat(call.argumentsAsMap()).isEqualTo(Map.of("location", "Boston, MA", "unit", "celsius"));
        });
        assertThat(c.warnings()).isEmpty();
    }
}
