package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.Warning;
import org.junit.jupiter.api.Test;

/** {@code anthropic.messages}: the synthetic streams in {@code recordings/synthetic/anthropic.messages-*}. */
class AnthropicSyntheticTest {

    static final String SIGNATURE = "EqQBCkgIBhABGAIiQMd8Yw2Zk0nW6p4Qe1rT3F9v0sJtYcL2bH5uN8xQ7aR4mK1dS6gE9pV3oI0wB2yZ5cX8nU4hT7jL1fA6qM3eEgz8Vn2Kq5Rt9Yw4Lp1XhoMx7Bd3Nf6Qs0Jc2Hv9Gk";
    static final String THINKING = "The user wants the weather in two cities. I should call get_weather once for Paris"
            + " and once for Tokyo, both in celsius.";
    /** The ten partial_json fragments of block 2 ("" first), concatenated. */
    static final String ARGS_PARIS = "{\"location\": \"Paris, France\", \"unit\": \"celsius\"}";
    /** The six fragments of block 4: an escape is split across fragments ("caf\\u00" + "e9 \\" + "\"Q\\\"\"}"). */
    static final String ARGS_TOKYO = "{\"location\": \"Tokyo, Japan\", \"unit\": \"celsius\", \"days\": [1, 2], \"note\": \"caf\\u00e9 \\\"Q\\\"\"}";

    private static Completion thinkingTools() {
        return ChunkAssembler.assemble(Recordings.synthetic("anthropic.messages-thinking-tools.sse"));
    }

    @Test
    void header() {
        Completion c = thinkingTools();
        assertThat(c.format()).hasToString("anthropic.messages");
        assertThat(c.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(c.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(c.chunkCount()).as("41 data: events, the two pings included").isEqualTo(41);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.problems()).isEmpty();
        assertThat(c.choices()).hasSize(1);
        assertThat(c.rawFinishReason()).isEqualTo("tool_use");
    }

    @Test
    void providerNeutralMessage() {
        Message m = thinkingTools().message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.content()).as("both text blocks, in order").isEqualTo("I'll check the weather in Paris first. Now Tokyo.");
        assertThat(m.reasoning()).isEqualTo(THINKING);
        assertThat(m.refusal()).isNull();
        assertThat(m.toolCalls())
                .extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple(0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "tool_use", "get_weather", ARGS_PARIS),
                        tuple(1, "toolu_01PZ5vDx8eMWbE9rKqT6hNcY", "tool_use", "get_weather", ARGS_TOKYO));
        Recordings.assertSameJson(m.toolCalls().get(1).arguments(),
                "{\"location\":\"Tokyo, Japan\",\"unit\":\"celsius\",\"days\":[1,2],\"note\":\"caf\u00e9 \\\"Q\\\"\"}");
    }

    @Test
    void blocksKeepTheirOrderAndTheSignature() {
        Message m = thinkingTools().message();
        assertThat(m.parts()).extracting(Part::type).containsExactly("thinking", "text", "tool_use", "text", "tool_use");
        assertThat(m.parts().get(0)).isInstanceOfSatisfying(Part.Reasoning.class, r -> {
            assertThat(r.text()).isEqualTo(THINKING);
            assertThat(r.signature()).as("signature_delta").isEqualTo(SIGNATURE);
        });
        assertThat(m.parts().get(1)).isInstanceOfSatisfying(Part.Text.class,
                t -> assertThat(t.text()).isEqualTo("I'll check the weather in Paris first."));
        assertThat(m.parts().get(2)).isEqualTo(m.toolCalls().get(0));
        assertThat(m.parts().get(3)).isInstanceOfSatisfying(Part.Text.class, t -> assertThat(t.text()).isEqualTo(" Now Tokyo."));
        assertThat(m.parts().get(4)).isEqualTo(m.toolCalls().get(1));
    }

    @Test
    void usageIsCumulativeNotSummed() {
        // message_start: input 472, output 3; message_delta #1: output 96; message_delta #2: output 187
        Completion c = thinkingTools();
        assertThat(c.usage().inputTokens()).isEqualTo(472L);
        assertThat(c.usage().outputTokens()).isEqualTo(187L);
        assertThat(c.usage().totalTokens()).isEqualTo(659L);
        assertThat(c.usage().cachedInputTokens()).isEqualTo(0L);
        assertThat(c.usage().details()).containsEntry("service_tier", "standard");
    }

    @Test
    void nativeMessage() {
        Recordings.assertSameJson(thinkingTools().toJson(), """
                {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant",
                 "model": "claude-sonnet-4-5-20250929",
                 "content": [
                   {"type": "thinking", "thinking": "The user wants the weather in two cities. I should call get_weather once for Paris and once for Tokyo, both in celsius.",
                    "signature": "EqQBCkgIBhABGAIiQMd8Yw2Zk0nW6p4Qe1rT3F9v0sJtYcL2bH5uN8xQ7aR4mK1dS6gE9pV3oI0wB2yZ5cX8nU4hT7jL1fA6qM3eEgz8Vn2Kq5Rt9Yw4Lp1XhoMx7Bd3Nf6Qs0Jc2Hv9Gk"},
                   {"type": "text", "text": "I'll check the weather in Paris first."},
                   {"type": "tool_use", "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "name": "get_weather",
                    "input": {"location": "Paris, France", "unit": "celsius"}},
                   {"type": "text", "text": " Now Tokyo."},
                   {"type": "tool_use", "id": "toolu_01PZ5vDx8eMWbE9rKqT6hNcY", "name": "get_weather",
                    "input": {"location": "Tokyo, Japan", "unit": "celsius", "days": [1, 2], "note": "caf\\u00e9 \\"Q\\""}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 472, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
                           "output_tokens": 187, "service_tier": "standard"}}
                """);
    }

    @Test
    void formatOverrideGivesTheSame() {
        byte[] bytes = Recordings.bytes(Recordings.synthetic("anthropic.messages-thinking-tools.sse"));
        assertThat(ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.ANTHROPIC_MESSAGES))).isEqualTo(thinkingTools());
    }

    // ---------------------------------------------------------------- error event mid-stream (CRLF SSE)

    private static Completion errorMidstream() {
        return ChunkAssembler.assemble(Recordings.synthetic("anthropic.messages-error-midstream.sse"));
    }

    @Test
    void errorEventIsReportedAndTheTextBeforeItKept() {
        Completion c = errorMidstream();
        assertThat(c.format()).hasToString("anthropic.messages");
        assertThat(c.id()).isEqualTo("msg_01Hb7sWzqJ3rE8xYv2KpLmNd");
        assertThat(c.chunkCount()).isEqualTo(7);
        assertThat(c.message().content()).isEqualTo("The three primary colors are red, yellow");
        assertThat(c.rawFinishReason()).isNull();
        assertThat(c.incomplete()).as("no message_stop").isTrue();
        assertThat(c.warnings()).extracting(Warning::message).anySatisfy(msg ->
                assertThat(msg).contains("overloaded_error").contains("Overloaded"));
        assertThat(c.warnings()).filteredOn(w -> w.message().contains("Overloaded"))
                .extracting(Warning::chunk).containsExactly(7);
        assertThat(c.usage().inputTokens()).isEqualTo(21L);
        assertThat(c.usage().outputTokens()).isEqualTo(1L);

        JsonNode tree = Recordings.tree(c.toJson());
        assertThat(tree.path("content")).hasSize(1);
        assertThat(tree.path("content").path(0).path("text").asText()).isEqualTo("The three primary colors are red, yellow");
        assertThat(tree.path("stop_reason").isNull()).isTrue();
    }

    @Test
    void crlfLineEndsDoNotLeakIntoTheText() {
        Completion c = errorMidstream();
        assertThat(c.message().content()).doesNotContain("\r");
        assertThat(c.id()).doesNotContain("\r");
    }

    // ---------------------------------------------------------------- server tools, redacted thinking, a tool_use with no deltas

    private static Completion serverTools() {
        return ChunkAssembler.assemble(Recordings.synthetic("anthropic.messages-server-tools-redacted.sse"));
    }

    @Test
    void serverToolUseIsAServerCallAndWholeBlocksAreKept() {
        Completion c = serverTools();
        assertThat(c.format()).hasToString("anthropic.messages");
        assertThat(c.chunkCount()).isEqualTo(14);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.rawFinishReason()).isEqualTo("tool_use");
        Message m = c.message();
        assertThat(m.content()).as("no text block").isNull();
        assertThat(m.reasoning()).as("redacted thinking has no text").isNull();
        assertThat(m.parts()).extracting(Part::type)
                .containsExactly("redacted_thinking", "server_tool_use", "web_search_tool_result", "tool_use");
        assertThat(m.toolCalls()).as("what the application runs")
                .extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::kind, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple(0, "toolu_01", "tool_use", ToolCall.Kind.FUNCTION, "get_time", "{}"));
        assertThat(m.serverToolCalls()).as("what Anthropic ran")
                .extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::kind, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple(0, "srvtoolu_014hJH82Qum7Td6UV8gDXThB", "server_tool_use", ToolCall.Kind.SERVER,
                        "web_search", "{\"query\": \"weather NYC today\"}"));
        assertThat(m.serverToolResult(m.serverToolCalls().get(0))).get().extracting(Part::type)
                .isEqualTo("web_search_tool_result");
        assertThat(m.toolCall("web_search")).get().extracting(ToolCall::kind).isEqualTo(ToolCall.Kind.SERVER);
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        // message_delta carries input_tokens too: it overrides message_start's 10
        assertThat(c.usage().inputTokens()).isEqualTo(10682L);
        assertThat(c.usage().outputTokens()).isEqualTo(510L);
        assertThat(c.usage().detail("server_tool_use.web_search_requests")).isEqualTo(1L);
    }

    @Test
    void serverToolsNativeMessage() {
        Recordings.assertSameJson(serverTools().toJson(), """
                {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                 "content": [
                   {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"},
                   {"type": "server_tool_use", "id": "srvtoolu_014hJH82Qum7Td6UV8gDXThB", "name": "web_search",
                    "input": {"query": "weather NYC today"}},
                   {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
                    "content": [{"type": "web_search_result", "title": "NYC Weather", "url": "https://weather.example/nyc",
                                 "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y2YSDDj",
                                 "page_age": "July 6, 2025"}]},
                   {"type": "tool_use", "id": "toolu_01", "name": "get_time", "input": {}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 10682, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
                           "output_tokens": 510, "server_tool_use": {"web_search_requests": 1}}}
                """);
    }
}
