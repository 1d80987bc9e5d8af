package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The openai.chat folding rules other than tool calls, on synthetic and real recordings. */
class ChatFoldingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Completion jsonl(String... chunks) {
        return ChunkAssembler.assemble(String.join("\n", chunks).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void choicesFoldApartByIndexAndUsageRidesOnTheFinishingChunk() {
        Completion c = TestRecordings.assemble("synthetic/chat-n2-usage-on-finish.json");

        assertThat(c.choices())
                .extracting(Choice::index, ch -> ch.message().content(), Choice::rawFinishReason)
                .containsExactly(tuple(0, "Blue sky", "stop"), tuple(1, "Red wine", "length"));
        assertThat(c.usage()).extracting(Usage::inputTokens, Usage::outputTokens, Usage::totalTokens)
                .containsExactly(9L, 4L, 13L);
        assertThat(c.choice(1).orElseThrow().message().content()).isEqualTo("Red wine");
    }

    @Test
    void aSurrogatePairSplitAcrossChunksBecomesOneCharacter() {
        Completion c = TestRecordings.assemble("synthetic/chat-surrogate-split.jsonl");

        assertThat(c.message().content()).isEqualTo("smile \uD83D\uDE00!");
        assertThat(c.message().content().codePointCount(0, c.message().content().length())).isEqualTo(8);
        assertThat(c.toJson()).contains("smile \uD83D\uDE00!");
    }

    @Test
    void refusalConcatenatesAndContentNeverSentStaysNull() {
        Completion c = TestRecordings.assemble("synthetic/chat-refusal.json");

        assertThat(c.message().refusal()).isEqualTo("I'm sorry, I can't help with that.");
        assertThat(c.message().content()).isNull();
    }

    @Test
    void reasoningContentIsFoldedAndRenderedUnderItsOwnName() throws Exception {
        Completion c = TestRecordings.assemble("synthetic/chat-reasoning-content.json");

        assertThat(c.message().reasoning()).isEqualTo("Two plus two is four.");
        assertThat(c.message().content()).isEqualTo("4");
        assertThat(c.usage().reasoningTokens()).isEqualTo(15L);
        JsonNode message = JSON.readTree(c.toJson()).at("/choices/0/message");
        assertThat(message.get("reasoning_content").asText()).isEqualTo("Two plus two is four.");
        assertThat(message.has("reasoning")).isFalse();
    }

    @Test
    void reasoningFieldKeepsItsNameInTheNativeShape() throws Exception {
        Completion c = TestRecordings.assemble("real/chat-reasoning-field--4687f5207dee.json");

        assertThat(c.message().reasoning()).startsWith("We need to summarize the chain-of-thought reasoning")
                .endsWith("2 + 2 equals 4. Provide one or two sentences.");
        assertThat(c.message().content())
                .isEqualTo("By adding the two numbers together, the calculation 2\u202f+\u202f2 yields the final result of 4.");
        JsonNode message = JSON.readTree(c.toJson()).at("/choices/0/message");
        assertThat(message.has("reasoning")).isTrue();
        assertThat(message.has("reasoning_content")).isFalse();
        assertThat(c.usage().totalTokens()).isEqualTo(296L);
    }

    @Test
    void identicalReasoningAndReasoningContentInOneDeltaAreFoldedOnce() {
        Completion c = jsonl(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning\":\"Hm.\",\"reasoning_content\":\"Hm.\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}");

        assertThat(c.message().reasoning()).isEqualTo("Hm.");
    }

    @Test
    void logprobsConcatenateAndUsageComesFromTheFinalChunkWithoutChoices() {
        Completion c = TestRecordings.assemble("real/chat-logprobs--dab8216633e9.json");

        assertThat(c.message().content()).isEqualTo("Humans live on Earth.");
        Logprobs logprobs = c.choices().get(0).logprobs();
        assertThat(logprobs.content()).hasSize(6);
        assertThat(logprobs.content()).extracting(e -> (Object) ((java.util.Map<?, ?>) e).get("token"))
                .containsExactly("Hum", "ans", " live", " on", " Earth", ".");
        assertThat(logprobs.fields()).containsKey("refusal");
        assertThat(logprobs.refusal()).isNull();
        assertThat(c.usage()).extracting(Usage::inputTokens, Usage::outputTokens, Usage::totalTokens)
                .containsExactly(14L, 6L, 20L);
        assertThat(c.usage().cachedInputTokens()).isZero();
    }

    @Test
    void usageInAFinalChunkAfterTheFinish() {
        Completion c = TestRecordings.assemble("real/chat-usage-final-chunk--2a5013730936.json");

        assertThat(c.message().content()).isEqualTo("{\"name\":\"get_weather\",\"parameters':{'city':'New York'}}");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(c.usage().details()).containsEntry("prompt_tokens", 176).containsEntry("completion_tokens_details", null);
        assertThat(c.systemFingerprint()).isEqualTo("fp_ollama");
        assertThat(c.serviceTier()).isNull();
    }

    @Test
    void finishReasonLengthIsKept() {
        Completion c = TestRecordings.assemble("real/chat-finish-length--3b6ad0d16f48.json");

        assertThat(c.rawFinishReason()).isEqualTo("length");
        assertThat(c.message().content())
                .isEqualTo("The history of the Roman Empire is a grand narrative that spans centuries, marked by");
    }

    @Test
    void vendorFieldsAreSkipped() {
        Completion azure = TestRecordings.assemble("real/chat-azure-content-filters--913c76c2585d.json");
        Completion watsonx = TestRecordings.assemble("real/chat-watsonx-model-id--ff55116840a3.json");

        assertThat(azure.message().content()).isEqualTo("Hello");
        assertThat(azure.model()).as("the prompt-filter chunk's empty model counts as absent").isEqualTo("gpt-4o-2024-11-20");
        assertThat(watsonx.message().content()).isEqualTo("hello");
        assertThat(watsonx.usage().totalTokens()).isEqualTo(45L);
    }

    @Test
    void keysComeInAnyOrder() {
        Completion c = TestRecordings.assemble("synthetic/chat-key-order.json");

        assertThat(c.message().content()).isEqualTo("Key order");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(c.id()).isEqualTo("chatcmpl-synthetic");
    }

    @Test
    void legacyCompletionsFoldTheirText() throws Exception {
        Completion c = TestRecordings.assemble("real/openai-completion-text--c03bc36fc4c1.json");

        assertThat(c.format()).hasToString("openai.completion");
        assertThat(c.message().content()).startsWith("Blue.\n\nI chose \"blue\" as the completion")
                .endsWith("creating a neat and balanced closure to the poetic idea.");
        assertThat(c.rawFinishReason()).isEqualTo("length");
        JsonNode json = JSON.readTree(c.toJson());
        assertThat(json.get("object").asText()).isEqualTo("text_completion");
        assertThat(json.at("/choices/0/text").asText()).isEqualTo(c.message().content());
    }

    @Test
    void contentSentAsAListOfPartsSplitsTextFromThinking() {
        Completion c = jsonl(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":[{\"type\":\"text\",\"text\":\"Let me see.\"}]}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"Paris\"}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\".\"},\"finish_reason\":\"stop\"}]}");

        assertThat(c.message().reasoning()).isEqualTo("Let me see.");
        assertThat(c.message().content()).isEqualTo("Paris.");
    }

    @Test
    void theDeprecatedFunctionCallFoldsIntoOneCall() throws Exception {
        Completion c = jsonl(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"function_call\":{\"name\":\"get_time\",\"arguments\":\"\"}}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"function_call\":{\"arguments\":\"{\\\"tz\\\":\"}}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"function_call\":{\"arguments\":\"\\\"UTC\\\"}\"}}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"function_call\"}]}");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("function_call", "get_time", "{\"tz\":\"UTC\"}"));
        JsonNode message = JSON.readTree(c.toJson()).at("/choices/0/message");
        assertThat(message.at("/function_call/name").asText()).isEqualTo("get_time");
        assertThat(message.has("tool_calls")).isFalse();
    }

    @Test
    void argumentsSentAsJsonAreKeptAsTheirText() {
        Completion c = jsonl(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":{\"a\":[1,2]}}}]},\"finish_reason\":\"stop\"}]}");

        assertThat(c.message().toolCalls().get(0).arguments()).isEqualTo("{\"a\":[1,2]}");
        assertThat(c.hasWarning("arguments-not-string")).isTrue();
    }

    @Test
    void aStreamWithoutFinishIsTruncatedButStillFolded() {
        Completion c = jsonl(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Half a sen\"}}]}");

        assertThat(c.message().content()).isEqualTo("Half a sen");
        assertThat(c.rawFinishReason()).isNull();
        assertThat(c.incomplete()).isTrue();
        assertThat(c.warnings()).extracting(w -> w.code().id()).containsExactly("truncated");
    }

    @Test
    void anErrorObjectMidStreamIsReported() {
        Completion c = jsonl(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}",
                "{\"error\":{\"message\":\"Internal server error\",\"type\":\"server_error\"}}");

        assertThat(c.message().content()).isEqualTo("Hel");
        assertThat(c.warnings()).extracting(w -> w.code().id()).contains("provider-error", "truncated");
        assertThat(c.warnings().get(0).message()).contains("Internal server error");
        assertThat(c.extra()).containsKey("error");
    }

    @Test
    void theNativeShapeIsAChatCompletion() throws Exception {
        Completion c = TestRecordings.assemble("seeds/000_4f3d0a612d65cd5e.json");

        JsonNode expected = JSON.readTree("""
                {"id": "chatcmpl-CEJ2cd6A9qlYP9v8wVBcUK9Qt6M3R", "object": "chat.completion", "created": 1757525822,
                 "model": "gpt-4o-2024-08-06", "system_fingerprint": "fp_1827dd0c55", "service_tier": "default",
                 "choices": [{"index": 0,
                   "message": {"role": "assistant", "content": null, "refusal": null, "tool_calls": [
                     {"id": "call_HT5dvfaVabEqkflhFw2ASvdC", "type": "function",
                      "function": {"name": "web_search", "arguments": "{\\"query\\": \\"Llama 4 Maverick model number of experts\\"}"}},
                     {"id": "call_TqHHWM2eIYHmd9lS7pfxAuaT", "type": "function",
                      "function": {"name": "web_search", "arguments": "{\\"query\\": \\"Llama 4 Maverick experts architecture\\"}"}}]},
                   "finish_reason": "tool_calls", "logprobs": null}],
                 "usage": null}
                """);
        assertThat(JSON.readTree(c.toJson())).isEqualTo(expected);
        assertThat(JSON.readTree(c.toPrettyJson())).isEqualTo(expected);
    }

    @Test
    void aForcedFormatIsUsed() {
        byte[] chunk = "{\"choices\":[{\"index\":0,\"text\":\"hi\",\"finish_reason\":\"stop\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThat(ChunkAssembler.assemble(chunk).format()).hasToString("openai.completion");
        assertThat(ChunkAssembler.assemble(chunk, AssemblerOptions.defaults().withFormat(Format.OPENAI_CHAT)).format()).hasToString("openai.chat");
    }
}
