package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bedrock.converse}: ConverseStream events as the SDKs log them, decoded JSON. */
class BedrockConverseTest {

    static final String REASONING = "Let me count the r's in \"strawberry\":\n\ns-t-r-a-w-b-e-r-r-y\n\nr appears at positions"
            + " 3, 8, and 9.\n\nSo there are 3 r's.";
    static final String TEXT = "There are **3** r's in \"strawberry\":\n\n1. st**r**awbe**r****r**y";

    private static Completion fold(String text) {
        return Fed.sameInPieces(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void realReasoningThenText() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.real("bedrock-converse-reasoning-text--vercel-ai.jsonl")));

        assertThat(c.format()).hasToString("bedrock.converse");
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.reasoning()).isEqualTo(REASONING);
        assertThat(m.content()).isEqualTo(TEXT);
        assertThat(m.parts()).extracting(Part::type).containsExactly("reasoningContent", "text");
        assertThat(((Part.Reasoning) m.parts().get(0)).signature()).startsWith("Ep0CCkgICxAB").endsWith("GAE=");
        assertThat(Fed.rawFinish(c)).isEqualTo("end_turn");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(51L, 94L, 145L);

        Recordings.assertSameJson(c.toJson(), """
                {"output": {"message": {"role": "assistant", "content": [
                   {"reasoningContent": {"reasoningText": {"text": %s, "signature": %s}}},
                   {"text": %s}]}},
                 "stopReason": "end_turn",
                 "usage": {"inputTokens": 51, "outputTokens": 94, "serverToolUsage": {}, "totalTokens": 145},
                 "additionalModelResponseFields": {"delta": {"stop_sequence": null}},
                 "metrics": {"latencyMs": 2281}}
                """.formatted(json(REASONING), json(((Part.Reasoning) m.parts().get(0)).signature()), json(TEXT)));
    }

    @Test
    void realToolCallWithMetadataBeforeMessageStop() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.real("bedrock-converse-tool-call--vercel-ai.jsonl")));

        assertThat(c.format()).hasToString("bedrock.converse");
        assertThat(c.incomplete()).isFalse();
        assertThat(c.message().content()).isNull();
        assertThat(c.message().toolCalls()).extracting(ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("tool-use-id", "toolUse", "test-tool", "{\"value\":\"Sparkle Day\"}"));
        assertThat(Fed.rawFinish(c)).isEqualTo("tool_use");
        assertThat(c.usage().totalTokens()).isEqualTo(170L);
        Recordings.assertSameJson(c.toJson(), """
                {"output": {"message": {"role": "assistant", "content": [
                   {"toolUse": {"toolUseId": "tool-use-id", "name": "test-tool", "input": {"value": "Sparkle Day"}}}]}},
                 "stopReason": "tool_use",
                 "usage": {"inputTokens": 125, "outputTokens": 45, "totalTokens": 170},
                 "metrics": {"latencyMs": 234}}
                """);
    }

    @Test
    void citationsRedactedReasoningAndAToolWithoutInput() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.synthetic("bedrock.converse-citations-redacted.json")));

        assertThat(c.warnings()).isEmpty();
        Message m = c.message();
        assertThat(m.parts()).extracting(Part::type).containsExactly("reasoningContent", "text", "toolUse");
        assertThat(((Part.Reasoning) m.parts().get(0)).extra()).containsEntry("redactedContent", "RW5jcnlwdGVkIHJlYXNvbmluZw==");
        assertThat(m.content()).isEqualTo("Llamas hum to talk.");
        assertThat((List<?>) ((Part.Text) m.parts().get(1)).extra().get("citations")).hasSize(1);
        assertThat(m.toolCalls()).singleElement().satisfies(call -> assertThat(call.arguments()).isEqualTo("{}"));
        assertThat(c.usage().cachedInputTokens()).isEqualTo(512L);
        assertThat(c.usage().detail("cacheReadInputTokens")).isEqualTo(512L);
        assertThat(c.extra()).containsKeys("metrics", "trace");

        var out = Recordings.tree(c.toJson());
        assertThat(out.at("/output/message/content/0/reasoningContent/redactedContent").asText())
                .isEqualTo("RW5jcnlwdGVkIHJlYXNvbmluZw==");
        assertThat(out.at("/output/message/content/1/citationsContent/content/0/text").asText()).isEqualTo("Llamas hum to talk.");
        assertThat(out.at("/output/message/content/1/citationsContent/citations/0/title").asText()).isEqualTo("llama-facts.pdf");
        assertThat(out.at("/output/message/content/2/toolUse/input").isObject()).isTrue();
    }

    @Test
    void anExceptionEventIsTheProvidersError() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("bedrock.converse-error-throttling-midstream.jsonl"));

        assertThat(c.message().content()).isEqualTo("Once upon");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.warnings()).extracting(w -> w.code().toString()).contains("provider-error", "truncated");
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message())
                .contains("throttlingException: Too many tokens, please wait before trying again."));
        assertThat(c.extra().get("error")).isEqualTo(java.util.Map.of("type", "throttlingException",
                "message", "Too many tokens, please wait before trying again."));
    }

    @Test
    void pascalCaseAndSnakeCaseLogsReadTheSame() {
        String camel = """
                {"messageStart":{"role":"assistant"}}
                {"contentBlockDelta":{"contentBlockIndex":0,"delta":{"text":"Hi"}}}
                {"contentBlockStart":{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"t1","name":"f"}}}}
                {"contentBlockDelta":{"contentBlockIndex":1,"delta":{"toolUse":{"input":"{\\"a\\":1}"}}}}
                {"contentBlockStop":{"contentBlockIndex":1}}
                {"messageStop":{"stopReason":"tool_use"}}
                {"metadata":{"usage":{"inputTokens":3,"outputTokens":2,"totalTokens":5}}}
                """;
        String pascal = camel.replace("messageStart", "MessageStart").replace("contentBlockDelta", "ContentBlockDelta")
                .replace("contentBlockIndex", "ContentBlockIndex").replace("\"delta\"", "\"Delta\"").replace("\"text\"", "\"Text\"")
                .replace("contentBlockStart", "ContentBlockStart").replace("\"start\"", "\"Start\"").replace("toolUseId", "ToolUseId")
                .replace("toolUse", "ToolUse").replace("\"name\"", "\"Name\"").replace("\"input\"", "\"Input\"")
                .replace("contentBlockStop", "ContentBlockStop").replace("messageStop", "MessageStop")
                .replace("stopReason", "StopReason").replace("metadata", "Metadata").replace("\"usage\"", "\"Usage\"")
                .replace("inputTokens", "InputTokens").replace("outputTokens", "OutputTokens").replace("totalTokens", "TotalTokens")
                .replace("\"role\"", "\"Role\"");
        String snake = camel.replace("messageStart", "message_start").replace("contentBlockDelta", "content_block_delta")
                .replace("contentBlockIndex", "content_block_index").replace("contentBlockStart", "content_block_start")
                .replace("toolUseId", "tool_use_id").replace("toolUse", "tool_use").replace("contentBlockStop", "content_block_stop")
                .replace("messageStop", "message_stop").replace("stopReason", "stop_reason");
        Completion expected = fold(camel);
        assertThat(expected.message().content()).isEqualTo("Hi");
        assertThat(expected.message().toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"a\":1}");
        assertThat(fold(pascal)).isEqualTo(expected);
        assertThat(fold(snake).toJson()).isEqualTo(expected.toJson());
    }

    @Test
    void eventsWrappedAsChunkAreRead() {
        Completion c = fold("""
                {"chunk":{"messageStart":{"role":"assistant"}}}
                {"chunk":{"contentBlockDelta":{"contentBlockIndex":0,"delta":{"text":"Wrapped"}}}}
                {"chunk":{"messageStop":{"stopReason":"end_turn"}}}
                """);
        assertThat(c.format()).hasToString("bedrock.converse");
        assertThat(c.message().content()).isEqualTo("Wrapped");
        assertThat(c.incomplete()).isFalse();
    }

    @Test
    void invokeModelChunksAreALocatedErrorThatSaysWhatTheyAre() {
        assertThatThrownBy(() -> ChunkAssembler.assemble("{\"chunk\":{\"bytes\":\"eyJ0eXBlIjoibWVzc2FnZV9zdGFydCJ9\"}}\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssemblyException.class)
                .hasMessageContaining("InvokeModelWithResponseStream").hasMessageContaining("chunk 1");
    }

    private static String json(String s) {
        try {
            return Recordings.MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
