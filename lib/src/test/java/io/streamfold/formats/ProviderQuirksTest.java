package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Warning;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OpenAI-compatible providers' quirks, one recording each, expected values read off the recording:
 * Together, Azure, Groq, OpenRouter, and the Responses API's nested error event.
 */
class ProviderQuirksTest {

    @Test
    void togetherRepeatsTheDeltaAsTextAndItIsFoldedOnce() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-together-text-beside-delta.sse"));
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.message().content()).isEqualTo("Hello world");
        assertThat(c.rawFinishReason()).isEqualTo("eos");
        assertThat(c.usage().totalTokens()).isEqualTo(13L);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aChoiceTextThatDisagreesWithItsDeltaIsWarnedNotLost() {
        String jsonl = """
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"text":"Hola","delta":{"content":"Hello"},"finish_reason":"stop"}]}
                """;
        Completion c = ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(c.message().content()).isEqualTo("Hello");
        assertThat(c.warnings()).extracting(w -> w.code().id()).containsExactly("choice-text-differs");
        assertThat(c.warnings().get(0).message()).contains("Hola");
    }

    @Test
    void aChatChoiceWithTextButNoDeltaContentKeepsTheText() {
        String jsonl = """
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"text":"Hi","delta":{}}]}
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"text":" there","delta":{"content":" there"},"finish_reason":"stop"}]}
                """;
        Completion c = ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(c.message().content()).isEqualTo("Hi there");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aChoiceTextBesideToolCallsOrReasoningIsNotContent() {
        // Together sends text on every chunk: "" beside a tool call, the reasoning again beside reasoning
        String jsonl = """
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"text":"hmm","delta":{"reasoning":"hmm"}}]}
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"text":"","delta":{"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]}}]}
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"text":"","delta":{},"finish_reason":"tool_calls"}]}
                """;
        Completion c = ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(c.message().content()).as("a tool-call-only message").isNull();
        assertThat(c.message().reasoning()).isEqualTo("hmm");
        assertThat(c.message().toolCalls()).singleElement().extracting(t -> t.name()).isEqualTo("f");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void azuresZeroCreatedOnThePromptFilterChunkGivesWayToTheRealOne() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-azure-prompt-filter-first.sse"));
        assertThat(c.created()).isEqualTo(1745000000L);
        assertThat(c.id()).isEqualTo("chatcmpl-AZ1");
        assertThat(c.model()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(c.message().content()).isEqualTo("Hi");
        assertThat(c.usage().inputTokens()).isEqualTo(9L);
        assertThat(c.toJson()).contains("\"created\":1745000000");
    }

    @Test
    void aStreamWhoseEveryCreatedIsZeroKeepsZero() {
        String jsonl = """
                {"id":"x","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"content":"a"}}]}
                {"id":"x","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}
                """;
        assertThat(ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8)).created()).isZero();
    }

    @Test
    void groqsUsageInXGroqIsTheUsage() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-groq-usage-in-x-groq.sse"));
        assertThat(c.message().content()).isEqualTo("Hello");
        assertThat(c.usage()).isNotNull();
        assertThat(c.usage().inputTokens()).isEqualTo(12L);
        assertThat(c.usage().outputTokens()).isEqualTo(2L);
        assertThat(c.usage().totalTokens()).isEqualTo(14L);
        assertThat(((Number) c.usage().details().get("queue_time")).doubleValue()).isEqualTo(0.05);
    }

    @Test
    void aTopLevelUsageWinsOverXGroq() {
        String jsonl = """
                {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","x_groq":{"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}},"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10},"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}
                """;
        assertThat(ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8)).usage().totalTokens()).isEqualTo(10L);
    }

    @Test
    void openRoutersErrorBesideAChoiceIsWarnedAndKept() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-openrouter-error-midstream.sse"));
        assertThat(c.message().content()).isEqualTo("Partial");
        assertThat(c.rawFinishReason()).isEqualTo("error");
        assertThat(c.warnings()).extracting(w -> w.code().id()).containsExactly("provider-error");
        assertThat(c.warnings().get(0).message()).contains("Provider disconnected unexpectedly");
        assertThat(c.extra().get("error")).isEqualTo(Map.of("code", "server_error", "message", "Provider disconnected unexpectedly"));
        assertThat(c.toJson()).contains("\"error\":{\"code\":\"server_error\"");
    }

    @Test
    void aNestedResponsesErrorEventKeepsTheWholeError() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.responses-error-nested.jsonl"));
        assertThat(c.format()).hasToString("openai.responses");
        assertThat(c.message().content()).isEqualTo("Partial");
        assertThat(c.warnings()).extracting(w -> w.code().id()).contains("provider-error");
        assertThat(c.warnings()).filteredOn(w -> w.code().id().equals("provider-error")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("server_error", "The server had an error processing your request."));
        assertThat(c.extra().get("error")).isInstanceOfSatisfying(Map.class, error -> assertThat(error)
                .containsEntry("type", "server_error")
                .containsEntry("code", "server_error")
                .containsEntry("message", "The server had an error processing your request."));
    }

    @Test
    void aFlatResponsesErrorEventKeepsItsParam() {
        String jsonl = """
                {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-4.1","output":[]}}
                {"type":"error","sequence_number":1,"code":"rate_limit_exceeded","message":"Rate limit reached","param":"model"}
                """;
        Completion c = ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(c.extra().get("error")).isInstanceOfSatisfying(Map.class, error -> assertThat(error)
                .containsEntry("code", "rate_limit_exceeded")
                .containsEntry("message", "Rate limit reached")
                .containsEntry("param", "model"));
    }

    @Test
    void openRoutersReasoningDetailsFoldPerIndexWithTheirSignature() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-openrouter-reasoning-details.sse"));
        assertThat(c.message().reasoning()).isEqualTo("Two plus two is four.");
        assertThat(c.message().content()).isEqualTo("4");
        assertThat(c.choice(0).orElseThrow().extra().get("reasoning_details")).asList().containsExactly(
                Map.of("type", "reasoning.text", "text", "Two plus two is four.", "format", "anthropic-claude-v1",
                        "index", 0, "signature", "ErUBCkYIBRgCIkB"),
                Map.of("type", "reasoning.encrypted", "data", "gAAAAABo", "format", "anthropic-claude-v1", "index", 1));
        assertThat(c.toJson()).contains("\"reasoning\":\"Two plus two is four.\",\"reasoning_details\":[{\"type\":\"reasoning.text\"");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aSnapshotsReasoningDetailsDoNotChangeAsMoreArrives() throws Exception {
        byte[] sse = java.nio.file.Files.readAllBytes(Recordings.synthetic("openai.chat-openrouter-reasoning-details.sse"));
        int secondChunk = new String(sse, StandardCharsets.UTF_8).indexOf("data:", new String(sse, StandardCharsets.UTF_8).indexOf("data:") + 1);
        io.streamfold.IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feed(sse, 0, secondChunk);
        Completion early = assembler.snapshot();
        Object before = early.choice(0).orElseThrow().extra().get("reasoning_details");
        assertThat(before).asList().singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("text", "Two plus ");
        assembler.feed(sse, secondChunk, sse.length - secondChunk);
        Completion whole = assembler.finish();
        assertThat(early.choice(0).orElseThrow().extra().get("reasoning_details")).as("the early snapshot is immutable").isEqualTo(before)
                .asList().singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("text", "Two plus ");
        assertThat(whole.choice(0).orElseThrow().extra().get("reasoning_details")).asList().hasSize(2);
        assertThat(whole).isEqualTo(ChunkAssembler.assemble(sse));
    }

    @Test
    void aChatWithoutReasoningDetailsWritesNone() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-groq-usage-in-x-groq.sse"));
        assertThat(c.toJson()).doesNotContain("reasoning_details");
    }

    @Test
    void aVendorFieldOnAToolCallFragmentStaysOnTheCall() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("openai.chat-gemini-compat-thought-signature.jsonl"));
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.id()).isEqualTo("function-call-1");
            assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
            assertThat(call.extra()).containsEntry("extra_content", Map.of("google", Map.of("thought_signature", "CiQBcsjafAbx")));
        });
        assertThat(c.toJson()).contains("\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"},\"extra_content\":{\"google\":{\"thought_signature\":\"CiQBcsjafAbx\"}}");
    }
}
