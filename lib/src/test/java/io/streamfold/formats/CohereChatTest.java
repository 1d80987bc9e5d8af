package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cohere.chat}: Cohere v2 chat streams, the Vercel AI SDK's real one and synthetic edge cases. */
class CohereChatTest {

    static final String PLAN = "I will use the weather tool to find the weather in San Francisco and the cityAttractions"
            + " tool to find attractions in San Francisco.";

    @Test
    void realToolCallStream() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.real("cohere-v2-tool-call--vercel-ai.jsonl")));

        assertThat(c.format()).hasToString("cohere.chat");
        assertThat(c.id()).isEqualTo("2941521a-b87a-45f6-9b0d-235fd66c3025");
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.content()).isNull();
        assertThat(m.reasoning()).as("the tool plan").isEqualTo(PLAN);
        assertThat(m.parts()).extracting(Part::type).containsExactly("tool_plan", "function", "function");
        assertThat(m.toolCalls()).extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple(0, "weather_e8p4pn45zt0t", "function", "weather", "{\"location\": \"San Francisco\"}"),
                        tuple(1, "cityAttractions_pyxssbwnq9fq", "function", "cityAttractions", "{\"city\": \"San Francisco\"}"));
        assertThat(Fed.rawFinish(c)).isEqualTo("TOOL_CALL");
        // usage: tokens (what was processed) over billed_units; the whole object kept
        assertThat(c.usage().inputTokens()).isEqualTo(1549L);
        assertThat(c.usage().outputTokens()).isEqualTo(95L);
        assertThat(c.usage().totalTokens()).isEqualTo(1644L);
        assertThat(c.usage().detail("billed_units.input_tokens")).isEqualTo(119L);
        assertThat(c.usage().detail("cached_tokens")).isEqualTo(1504L);

        Recordings.assertSameJson(c.toJson(), """
                {"id": "2941521a-b87a-45f6-9b0d-235fd66c3025", "finish_reason": "TOOL_CALL",
                 "message": {"role": "assistant", "content": [], "tool_plan": "%s",
                   "tool_calls": [
                     {"id": "weather_e8p4pn45zt0t", "type": "function",
                      "function": {"name": "weather", "arguments": "{\\"location\\": \\"San Francisco\\"}"}},
                     {"id": "cityAttractions_pyxssbwnq9fq", "type": "function",
                      "function": {"name": "cityAttractions", "arguments": "{\\"city\\": \\"San Francisco\\"}"}}]},
                 "usage": {"billed_units": {"input_tokens": 119, "output_tokens": 44},
                           "tokens": {"input_tokens": 1549, "output_tokens": 95}, "cached_tokens": 1504}}
                """.formatted(PLAN));
    }

    @Test
    void thinkingTextAndCitationsOverSse() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.synthetic("cohere.chat-thinking-citations.sse")));

        assertThat(c.format()).hasToString("cohere.chat");
        assertThat(c.warnings()).isEmpty();
        Message m = c.message();
        assertThat(m.reasoning()).isEqualTo("The document says emperor penguins are tallest.");
        assertThat(m.content()).isEqualTo("The tallest penguins are emperor penguins \u00e9 \ud83d\udc27.");
        assertThat(m.parts()).extracting(Part::type).containsExactly("thinking", "text");
        assertThat(m.parts().get(1)).isInstanceOfSatisfying(Part.Text.class, t -> {
            List<?> citations = (List<?>) t.extra().get("citations");
            assertThat(citations).singleElement().satisfies(cit ->
                    {
                        assertThat(((Map<?, ?>) cit).get("text")).isEqualTo("emperor penguins");
                        assertThat(((Map<?, ?>) cit).get("start")).isEqualTo(25);
                    });
        });
        assertThat(c.usage().inputTokens()).isEqualTo(1043L);

        String json = c.toJson();
        assertThat(Recordings.tree(json).path("message").path("content")).hasSize(2);
        assertThat(Recordings.tree(json).path("message").path("content").path(0).path("thinking").asText())
                .isEqualTo("The document says emperor penguins are tallest.");
        assertThat(Recordings.tree(json).path("message").path("citations").path(0).path("sources").path(0).path("id").asText())
                .isEqualTo("doc:0");
        assertThat(Recordings.tree(json).path("finish_reason").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void keysInAnyOrderAndAnIndexAfterTheDelta() {
        String stream = """
                {"delta":{"message":{"role":"assistant"}},"id":"m1","type":"message-start"}
                {"delta":{"message":{"content":{"text":"","type":"text"}}},"index":0,"type":"content-start"}
                {"delta":{"message":{"content":{"text":"Hi"}}},"type":"content-delta","index":0}
                {"index":0,"type":"content-end"}
                {"delta":{"usage":{"tokens":{"output_tokens":1,"input_tokens":3}},"finish_reason":"MAX_TOKENS"},"type":"message-end"}
                """;
        Completion c = Fed.sameInPieces(stream.getBytes(StandardCharsets.UTF_8));
        assertThat(c.format()).hasToString("cohere.chat");
        assertThat(c.id()).isEqualTo("m1");
        assertThat(c.message().content()).isEqualTo("Hi");
        assertThat(c.usage().totalTokens()).isEqualTo(4L);
        assertThat(c.incomplete()).isFalse();
    }

    @Test
    void aStreamWithoutMessageEndIsTruncated() {
        String stream = """
                {"type":"message-start","id":"m2","delta":{"message":{"role":"assistant"}}}
                {"type":"content-start","index":0,"delta":{"message":{"content":{"type":"text","text":"Par"}}}}
                {"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"tial"}}}}
                """;
        Completion c = ChunkAssembler.assemble(stream.getBytes(StandardCharsets.UTF_8),
                AssemblerOptions.defaults().withFormat(Format.COHERE_CHAT));
        assertThat(c.message().content()).isEqualTo("Partial");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.warnings()).extracting(w -> w.code().toString()).contains("truncated");
    }

    @Test
    void anErrorInMessageEndIsTheProvidersError() {
        String stream = """
                {"type":"message-start","id":"m3","delta":{"message":{"role":"assistant"}}}
                {"type":"content-start","index":0,"delta":{"message":{"content":{"type":"text","text":""}}}}
                {"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Half"}}}}
                {"type":"message-end","delta":{"finish_reason":"ERROR","error":"internal server error, this has been reported to our developers"}}
                """;
        Completion c = Fed.sameInPieces(stream.getBytes(StandardCharsets.UTF_8));
        assertThat(c.message().content()).isEqualTo("Half");
        assertThat(Fed.rawFinish(c)).isEqualTo("ERROR");
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message()).contains("internal server error"));
        assertThat(c.extra()).containsEntry("error", "internal server error, this has been reported to our developers");
    }
}
