package io.streamfold.neutral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ProviderError;
import io.streamfold.ToolCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API returns cannot change, at any depth; its shortcuts never throw. */
class ImmutableModelTest {

    private static Path synthetic(String name) {
        return Path.of(System.getProperty("streamfold.recordings", "../recordings"), "synthetic", name);
    }

    @Test
    void aCutResponsesStreamsOutputIsImmutableAllTheWayDown() {
        Completion c = ChunkAssembler.assemble(synthetic("openai.responses-cut-off.json"));
        Object output = c.extra().get("output");
        assertThat(output).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) output;
        assertThatThrownBy(() -> items.add("x")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        assertThatThrownBy(() -> first.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nestedValuesGivenToTheModelAreCopied() {
        List<Object> list = new ArrayList<>(List.of(1, 2));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", list);
        nested.put("none", null);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("nested", nested);
        ToolCall call = new ToolCall(0, "id", "function", "f", "{}", extra);
        list.add(3);
        nested.put("later", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) call.extra().get("nested");
        assertThat(kept).containsOnlyKeys("list", "none").containsEntry("list", List.of(1, 2));
        assertThatThrownBy(() -> kept.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) kept.get("list")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void argumentsAsAMapOrAsCompactJson() {
        ToolCall call = new ToolCall(0, "id", "function", "f", "{\"city\": \"Paris\", \"days\": [1, 2], \"deep\": {\"x\": null}}");
        assertThat(call.kind()).isEqualTo(ToolCall.Kind.FUNCTION);
        assertThat(call.argumentsAsMap()).containsEntry("city", "Paris").containsEntry("days", List.of(1, 2))
                .containsKeys("deep");
        assertThatThrownBy(() -> call.argumentsAsMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(call.argumentsAsJson()).isEqualTo("{\"city\":\"Paris\",\"days\":[1,2],\"deep\":{\"x\":null}}");
        assertThat(new ToolCall(0, null, "function", "f", "").argumentsAsMap()).isEmpty();
        assertThat(new ToolCall(0, null, "function", "f", "  ").argumentsAsJson()).isEqualTo("{}");
    }

    @Test
    void argumentsThatAreNotAnObjectFailClearly() {
        assertThatThrownBy(() -> new ToolCall(1, null, "function", "lookup", "{\"city\": \"Par").argumentsAsMap())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("tool call 1 (lookup)", "not valid JSON", "{\"city\": \"Par", "cut short");
        assertThatThrownBy(() -> new ToolCall(0, null, "function", "f", "[1, 2]").argumentsAsMap())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are JSON but not an object: a list");
        assertThatThrownBy(() -> new ToolCall(0, null, "function", "f", "{} {}").argumentsAsJson())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one JSON value");
    }

    @Test
    void toolCallKindsFollowTheType() {
        assertThat(ToolCall.Kind.ofType("function")).isEqualTo(ToolCall.Kind.FUNCTION);
        assertThat(ToolCall.Kind.ofType("tool_use")).isEqualTo(ToolCall.Kind.FUNCTION);
        assertThat(ToolCall.Kind.ofType("function_call")).isEqualTo(ToolCall.Kind.FUNCTION);
        assertThat(ToolCall.Kind.ofType(null)).isEqualTo(ToolCall.Kind.FUNCTION);
        assertThat(ToolCall.Kind.ofType("custom_tool_call")).isEqualTo(ToolCall.Kind.CUSTOM);
        for (String server : List.of("server_tool_use", "mcp_tool_use", "web_search_call", "file_search_call",
                "code_interpreter_call", "mcp_call", "image_generation_call")) {
            assertThat(ToolCall.Kind.ofType(server)).as(server).isEqualTo(ToolCall.Kind.SERVER);
        }
    }

    @Test
    void responsesServerItemsAreServerCallsNotCallsToRun() {
        Completion c = ChunkAssembler.assemble(synthetic("openai.responses-web-search-text.sse"));
        Message m = c.message();
        assertThat(m.toolCalls()).isEmpty();
        assertThat(m.serverToolCalls()).singleElement().satisfies(call -> {
            assertThat(call.kind()).isEqualTo(ToolCall.Kind.SERVER);
            assertThat(call.type()).isEqualTo("web_search_call");
            assertThat(call.name()).isEqualTo("web_search");
            assertThat(call.id()).startsWith("ws_");
            assertThat(call.argumentsAsMap()).containsEntry("query", "Paris weather today");
            assertThat(call.extra()).containsEntry("status", "completed");
        });
        assertThat(m.toolCall("web_search")).get().isSameAs(m.serverToolCalls().get(0));
        assertThat(m.parts()).extracting(Part::type).containsExactly("web_search_call", "output_text");
        assertThat(c.toJson()).contains("\"type\":\"web_search_call\"", "\"action\":{\"type\":\"search\"");
    }

    @Test
    void theConvenienceMessageKeepsItsTextInItsParts() {
        ToolCall call = new ToolCall(0, "t", "function", "f", "{}");
        Message m = new Message("assistant", "Hello", null, "Thinking", List.of(call));
        assertThat(m.parts()).hasSize(3);
        assertThat(m.parts().get(0)).isEqualTo(new Part.Reasoning("reasoning", "Thinking", null, Map.of()));
        assertThat(m.parts().get(1)).isEqualTo(new Part.Text("text", "Hello", Map.of()));
        assertThat(m.parts().get(2)).isSameAs(call);
        assertThat(m.toolCall("f")).contains(call);
        assertThat(m.toolCall("g")).isEmpty();
        assertThat(m.toolCall(null)).isEmpty();
    }

    @Test
    void shortcutsOfACompletionWithNothingNeverThrow() {
        Completion empty = new Completion(Format.OPENAI_CHAT, null, null, null, null, null, List.of(), null);
        assertThat(empty.text()).isEmpty();
        assertThat(empty.reasoning()).isEmpty();
        assertThat(empty.error()).isEmpty();
        assertThat(empty.finishReason()).isNull();
        assertThat(empty.rawFinishReason()).isNull();
        assertThat(empty.choice(0)).isEmpty();
        assertThat(empty.message()).isNull();
    }

    @Test
    void providerErrorsOfEveryShape() {
        ProviderError anthropic = ChunkAssembler.assemble(synthetic("anthropic.messages-error-midstream.sse")).error().orElseThrow();
        assertThat(anthropic).extracting(ProviderError::type, ProviderError::code, ProviderError::message)
                .containsExactly("overloaded_error", null, "Overloaded");
        assertThat(anthropic.raw()).containsEntry("type", "overloaded_error");
        ProviderError responses = ChunkAssembler.assemble(synthetic("openai.responses-error-nested.jsonl")).error().orElseThrow();
        assertThat(responses.code()).isEqualTo("server_error");
        assertThat(responses.message()).isEqualTo("The server had an error processing your request.");
        Completion openRouter = ChunkAssembler.assemble(synthetic("openai.chat-openrouter-error-midstream.sse"));
        assertThat(openRouter.error()).get().extracting(ProviderError::message).isEqualTo("Provider disconnected unexpectedly");
        assertThat(openRouter.finishReason()).isEqualTo(io.streamfold.FinishReason.ERROR);
        Completion body = new Completion(Format.OPENAI_CHAT, null, null, null, null, null, List.of(), null,
                Map.of("error", Map.of("error", Map.of("message", "Rate limit reached", "type", "requests", "code", 429))),
                0, true, List.of(), List.of(), true);
        assertThat(body.error()).get().extracting(ProviderError::type, ProviderError::code, ProviderError::message)
                .containsExactly("requests", "429", "Rate limit reached");
    }

    @Test
    void optionsAreBuiltAndDerived() {
        AssemblerOptions built = AssemblerOptions.builder().format(Format.GEMINI).lenient(true).source("x.sse")
                .maxNestingDepth(50).build();
        AssemblerOptions derived = AssemblerOptions.defaults().withFormat(Format.GEMINI).withLenient(true)
                .withSource("x.sse").withMaxNestingDepth(50);
        assertThat(built).isEqualTo(derived).hasSameHashCodeAs(derived);
        assertThat(built.format()).isEqualTo(Format.GEMINI);
        assertThat(built.lenient()).isTrue();
        assertThat(built.maxStringLength()).isEqualTo(AssemblerOptions.DEFAULT_MAX_STRING_LENGTH);
        assertThat(built.toBuilder().lenient(false).build()).isNotEqualTo(built);
        assertThat(AssemblerOptions.defaults()).isEqualTo(AssemblerOptions.builder().build());
        assertThatThrownBy(() -> AssemblerOptions.builder().maxNumberLength(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxNumberLength < 1: 0");
    }
}
