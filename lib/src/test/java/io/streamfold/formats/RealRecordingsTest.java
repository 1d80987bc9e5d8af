package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real recordings in {@code recordings/real/}, one or more per format. Every expected value was
 * read off the recording by hand (python over the body), never from streamfold's output.
 */
class RealRecordingsTest {

    private static Completion real(String name) {
        return ChunkAssembler.assemble(Recordings.real(name));
    }

    // ---------------------------------------------------------------- anthropic.messages

    @Test
    void anthropicThinkingThenText() {
        Completion c = real("anthropic-messages-sse--f22657bfd86d.json");

        assertThat(c.format()).hasToString("anthropic.messages");
        assertThat(c.id()).isEqualTo("msg_812f019850cce212423fb87a");
        assertThat(c.model()).isEqualTo("gpt-oss:20b");
        assertThat(c.chunkCount()).isEqualTo(61); // 61 data: events (41 thinking + 13 text deltas, 2+2 block, 3 message)
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.rawFinishReason()).isEqualTo("end_turn");

        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.content()).isEqualTo("1, 2, 3, 4, 5");
        assertThat(m.reasoning()).isEqualTo("We need to count from 1 to 5, separated by commas. So output: 1, 2, 3, 4, 5."
                + " Probably no trailing comma. Just that.");
        assertThat(m.toolCalls()).isEmpty();
        assertThat(m.parts()).extracting(Part::type).containsExactly("thinking", "text");
        assertThat(m.parts().get(0)).isInstanceOf(Part.Reasoning.class);

        // message_delta's usage is cumulative and overrides message_start's {input 10, output 0}
        assertThat(c.usage().inputTokens()).isEqualTo(79L);
        assertThat(c.usage().outputTokens()).isEqualTo(64L);
        assertThat(c.usage().totalTokens()).isEqualTo(143L);

        Recordings.assertSameJson(c.toJson(), """
                {"id": "msg_812f019850cce212423fb87a", "type": "message", "role": "assistant", "model": "gpt-oss:20b",
                 "content": [
                   {"type": "thinking", "thinking": "We need to count from 1 to 5, separated by commas. So output: 1, 2, 3, 4, 5. Probably no trailing comma. Just that."},
                   {"type": "text", "text": "1, 2, 3, 4, 5"}],
                 "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": 79, "output_tokens": 64}}
                """);
    }

    // ---------------------------------------------------------------- openai.chat

    @Test
    void chatParallelToolCalls() {
        Completion c = real("chat-parallel-tool-calls--e73b8fbb6fe7.json");

        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.id()).isEqualTo("rec-e73b8fbb6fe7");
        assertThat(c.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(c.systemFingerprint()).isEqualTo("fp_f000e9ceb4");
        assertThat(c.serviceTier()).isEqualTo("default");
        assertThat(c.chunkCount()).isEqualTo(14);
        assertThat(c.rawFinishReason()).isEqualTo("tool_calls");
        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.content()).as("a tool-call-only message has null content").isNull();
        assertThat(m.toolCalls()).extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple(0, "call_VYoK5dSkatcp9VVVx5WERqkX", "function", "file_search", "{\"query\": \"marketing\"}"),
                        tuple(1, "call_JWXOm0RdBJTsTBr2OpxgLo9l", "function", "file_search", "{\"query\": \"sales\"}"));
        assertThat(c.usage().inputTokens()).isEqualTo(54L);
        assertThat(c.usage().outputTokens()).isEqualTo(44L);
        assertThat(c.usage().totalTokens()).isEqualTo(98L);
        assertThat(c.usage().reasoningTokens()).isEqualTo(0L);
        assertThat(c.usage().cachedInputTokens()).isEqualTo(0L);

        JsonNode message = Recordings.tree(c.toJson()).path("choices").path(0).path("message");
        assertThat(message.path("content").isNull()).isTrue();
        assertThat(message.path("tool_calls")).hasSize(2);
        assertThat(message.path("tool_calls").path(1).path("function").path("arguments").asText()).isEqualTo("{\"query\": \"sales\"}");
    }

    @Test
    void chatOneWholeToolCallFromOllama() {
        Completion c = real("chat-one-tool-call--75ae2f583e3e.json");

        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.model()).isEqualTo("llama3.2:3b-instruct-fp16");
        assertThat(c.rawFinishReason()).isEqualTo("tool_calls");
        assertThat(c.usage()).isNull();
        assertThat(c.message().content()).as("Ollama sent content \"\"").isEqualTo("");
        assertThat(c.message().toolCalls()).extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("call_tv2vqyef", "get_current_time", "{}"));
    }

    @Test
    void chatFinishLength() {
        Completion c = real("chat-finish-length--3b6ad0d16f48.json");
        assertThat(c.message().content())
                .isEqualTo("The history of the Roman Empire is a grand narrative that spans centuries, marked by");
        assertThat(c.rawFinishReason()).isEqualTo("length");
        assertThat(c.chunkCount()).isEqualTo(19);
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(27L, 16L, 43L);
    }

    @Test
    void chatAzureContentFiltersAreSkipped() {
        Completion c = real("chat-azure-content-filters--913c76c2585d.json");
        // the first chunk (prompt_filter_results, choices []) has model "" and object ""
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.model()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(c.systemFingerprint()).isEqualTo("fp_af7f7349a4");
        assertThat(c.message().content()).isEqualTo("Hello");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(15L, 2L, 17L);
        assertThat(c.toJson()).doesNotContain("content_filter_results").doesNotContain("obfuscation");
    }

    @Test
    void chatLogprobsAreConcatenated() {
        Completion c = real("chat-logprobs--dab8216633e9.json");
        assertThat(c.message().content()).isEqualTo("Humans live on Earth.");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        List<Object> tokens = c.choices().get(0).logprobs().content();
        assertThat(tokens).extracting(t -> (Object) ((Map<?, ?>) t).get("token"))
                .containsExactly("Hum", "ans", " live", " on", " Earth", ".");
        JsonNode native_ = Recordings.tree(c.toJson()).path("choices").path(0).path("logprobs").path("content");
        assertThat(native_).hasSize(6);
        assertThat(native_.path(4).path("logprob").asDouble()).isEqualTo(-0.024795344099402428);
        assertThat(native_.path(4).path("bytes").toString()).isEqualTo("[32,69,97,114,116,104]");
    }

    @Test
    void chatReasoningField() {
        Completion c = real("chat-reasoning-field--4687f5207dee.json");
        Message m = c.message();
        assertThat(c.model()).isEqualTo("openai.gpt-oss-20b");
        assertThat(m.content()).isEqualTo("By adding the two numbers together, the calculation 2\u202f+\u202f2 yields the final result of 4.");
        // two reasoning deltas of 378 and 32 characters
        assertThat(m.reasoning()).isEqualTo("We need to summarize the chain-of-thought reasoning in one or two sentences,"
                + " focusing only on the final conclusion and the most important reasoning step. The reasoning is: user asks"
                + " \"What is 2 + 2? Think step by step.\" The assistant will explain adding numbers and conclude 4. So we"
                + " summarize: The key step is adding the two numbers, leading to the conclusion that 2 + 2 equals 4."
                + " Provide one or two sentences.")
                .hasSize(410);
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(170L, 126L, 296L);
        JsonNode message = Recordings.tree(c.toJson()).path("choices").path(0).path("message");
        assertThat(message.has("reasoning")).as("the name the stream used").isTrue();
        assertThat(message.has("reasoning_content")).isFalse();
        assertThat(message.path("reasoning").asText()).isEqualTo(m.reasoning());
    }

    /** Part's contract: for chat the parts are reasoning, then content, then refusal, then tool calls. */
    @Test
    void chatPartsListReasoningBeforeContent() {
        // the first chunk sends content "" (with the role), the reasoning arrives after it
        Message m = real("chat-reasoning-field--4687f5207dee.json").message();
        assertThat(m.parts()).extracting(Part::getClass).containsExactly(Part.Reasoning.class, Part.Text.class);
    }

    @Test
    void chatUsageInFinalChunkAndTextThatLooksLikeACall() {
        Completion c = real("chat-usage-final-chunk--2a5013730936.json");
        assertThat(c.message().content()).isEqualTo("{\"name\":\"get_weather\",\"parameters':{'city':'New York'}}");
        assertThat(c.message().toolCalls()).isEmpty();
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(176L, 14L, 190L);
    }

    @Test
    void chatWatsonxVendorFields() {
        Completion c = real("chat-watsonx-model-id--ff55116840a3.json");
        assertThat(c.model()).isEqualTo("meta-llama/llama-3-3-70b-instruct");
        assertThat(c.message().content()).isEqualTo("hello");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(43L, 2L, 45L);
    }

    // ---------------------------------------------------------------- openai.completion

    @Test
    void legacyCompletion() {
        Completion c = real("openai-completion-text--c03bc36fc4c1.json");
        String text = "Blue.\n\nI chose \"blue\" as the completion of the traditional English poem because it starts with"
                + " the first letter that is typically used in the second line of this famous rhyming couplet, creating a"
                + " neat and balanced closure to the poetic idea.";
        assertThat(c.format()).hasToString("openai.completion");
        assertThat(c.id()).isEqualTo("rec-c03bc36fc4c1");
        assertThat(c.chunkCount()).isEqualTo(51);
        assertThat(c.message().content()).isEqualTo(text);
        assertThat(c.rawFinishReason()).isEqualTo("length");
        assertThat(c.usage()).isNull();
        JsonNode tree = Recordings.tree(c.toJson());
        assertThat(tree.path("object").asText()).isEqualTo("text_completion");
        assertThat(tree.path("choices").path(0).path("text").asText()).isEqualTo(text);
        assertThat(tree.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
    }

    // ---------------------------------------------------------------- gemini (snake_case, plain chunks)

    @Test
    void geminiTwoWholeFunctionCalls() {
        Completion c = real("gemini-function-calls--5391ea814cd6.json");

        assertThat(c.format()).hasToString("gemini");
        assertThat(c.id()).isEqualTo("lvPMaeDuMNuhmPUPvJLguQ0");
        assertThat(c.model()).isEqualTo("gemini-2.0-flash");
        assertThat(c.chunkCount()).isEqualTo(1);
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
        Message m = c.message();
        assertThat(m.role()).isEqualTo("model");
        assertThat(m.content()).isNull();
        assertThat(m.toolCalls()).extracting(ToolCall::index, ToolCall::name).containsExactly(tuple(0, "get_weather"), tuple(1, "get_time"));
        for (ToolCall call : m.toolCalls()) {
            Recordings.assertSameJson(call.arguments(), "{\"location\": \"Paris\"}");
        }
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(33L, 10L, 43L);

        Recordings.assertSameJson(c.toJson(), """
                {"candidates": [{"content": {"parts": [
                    {"function_call": {"args": {"location": "Paris"}, "name": "get_weather"}},
                    {"function_call": {"args": {"location": "Paris"}, "name": "get_time"}}], "role": "model"},
                  "finish_reason": "STOP", "index": 0}],
                 "create_time": "2026-04-01T10:29:42.800608Z", "model_version": "gemini-2.0-flash",
                 "response_id": "lvPMaeDuMNuhmPUPvJLguQ0",
                 "usage_metadata": {"candidates_token_count": 10, "candidates_tokens_details": [{"modality": "TEXT", "token_count": 10}],
                   "prompt_token_count": 33, "prompt_tokens_details": [{"modality": "TEXT", "token_count": 33}],
                   "total_token_count": 43, "traffic_type": "ON_DEMAND"}}
                """);
    }

    @Test
    void geminiOneFunctionCall() {
        Completion c = real("gemini-text--86173aaf2711.json");
        assertThat(c.format()).hasToString("gemini");
        assertThat(c.id()).isEqualTo("q_PMaaLkIOnEmPUPsY_byQc");
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("web_search");
            Recordings.assertSameJson(call.arguments(), "{\"query\": \"latest news about artificial intelligence\"}");
        });
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(17L, 9L, 26L);
        assertThat(c.toJson()).contains("\"usage_metadata\"").contains("\"finish_reason\"")
                .doesNotContain("usageMetadata").doesNotContain("finishReason");
    }

    // ---------------------------------------------------------------- gemini.interactions (content.* dialect, SSE lines)

    @Test
    void interactionsThoughtSignatureThenText() {
        Completion c = real("gemini-interactions-sse--df62e523dd87.json");
        String id = "v1_Chc0QkhlYVp5R0ZxSzEyOG9QLTV1RndRWRIXNEJIZWFaeUdGcUsxMjhvUC01dUZ3UVk";
        String sig = "CiRlMjQ4MzBhNy01Y2Q2LTQyZmUtOTk4Yi1lZTUzOWU3MmI5YzM=";

        assertThat(c.format()).hasToString("gemini.interactions");
        assertThat(c.id()).isEqualTo(id);
        assertThat(c.model()).isEqualTo("gemini-2.5-flash-lite");
        assertThat(c.chunkCount()).as("9 events; data: [DONE] is not one").isEqualTo(9);
        assertThat(c.incomplete()).isFalse();
        Message m = c.message();
        assertThat(m.content()).isEqualTo("Hello!");
        assertThat(m.reasoning()).isNullOrEmpty();
        assertThat(m.parts()).hasSize(2);
        assertThat(m.parts().get(0)).isInstanceOfSatisfying(Part.Reasoning.class, r -> assertThat(r.signature()).isEqualTo(sig));
        assertThat(m.parts().get(1)).isInstanceOfSatisfying(Part.Text.class, t -> assertThat(t.text()).isEqualTo("Hello!"));
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(7L, 2L, 9L);

        JsonNode tree = Recordings.tree(c.toJson());
        assertThat(tree.path("id").asText()).isEqualTo(id);
        assertThat(tree.path("status").asText()).isEqualTo("completed");
        Recordings.assertSameJson(tree.path("outputs"), Recordings.tree("""
                [{"type": "thought", "signature": "CiRlMjQ4MzBhNy01Y2Q2LTQyZmUtOTk4Yi1lZTUzOWU3MmI5YzM="},
                 {"type": "text", "text": "Hello!"}]
                """));
        Recordings.assertSameJson(tree.path("usage"), Recordings.tree("""
                {"total_tokens": 9, "total_input_tokens": 7, "input_tokens_by_modality": [{"modality": "text", "tokens": 7}],
                 "total_cached_tokens": 0, "total_output_tokens": 2, "total_tool_use_tokens": 0, "total_thought_tokens": 0}
                """));
    }
}
