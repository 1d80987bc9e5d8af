package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code openai.chat} and {@code openai.completion}: the synthetic chat and legacy completion streams. */
class OpenAiSyntheticTest {

    // ---------------------------------------------------------------- refusal (llama-stack, __data__ before __type__)

    private static Completion refusal() {
        return ChunkAssembler.assemble(Recordings.synthetic("openai.chat-refusal.json"));
    }

    @Test
    void refusalIsFoldedAndContentStaysNull() {
        Completion c = refusal();
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.id()).isEqualTo("chatcmpl-CA9vYgHkT2pQ7sL0mN4xR8wZ1bJ3e");
        assertThat(c.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(c.created()).isEqualTo(1756400000L);
        assertThat(c.systemFingerprint()).isEqualTo("fp_07871e2ad8");
        assertThat(c.serviceTier()).isEqualTo("default");
        assertThat(c.chunkCount()).isEqualTo(7);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.content()).as("content was only ever null").isNull();
        assertThat(m.refusal()).isEqualTo("I'm sorry, but I can't help with that request.");
        assertThat(m.parts()).singleElement().isInstanceOfSatisfying(Part.Refusal.class,
                r -> assertThat(r.text()).isEqualTo("I'm sorry, but I can't help with that request."));
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(48L, 11L, 59L);
    }

    @Test
    void refusalNativeShape() {
        Recordings.assertSameJson(refusal().toJson(), """
                {"id": "chatcmpl-CA9vYgHkT2pQ7sL0mN4xR8wZ1bJ3e", "object": "chat.completion", "created": 1756400000,
                 "model": "gpt-4o-2024-08-06", "system_fingerprint": "fp_07871e2ad8", "service_tier": "default",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
                                                    "refusal": "I'm sorry, but I can't help with that request."},
                              "finish_reason": "stop", "logprobs": null}],
                 "usage": {"prompt_tokens": 48, "completion_tokens": 11, "total_tokens": 59,
                           "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                           "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                                         "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}}
                """);
    }

    // ---------------------------------------------------------------- DeepSeek reasoning_content (JSON Lines)

    private static Completion reasoning() {
        return ChunkAssembler.assemble(Recordings.synthetic("openai.chat-reasoning-content.jsonl"));
    }

    @Test
    void reasoningContent() {
        Completion c = reasoning();
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.model()).isEqualTo("deepseek-reasoner");
        assertThat(c.chunkCount()).isEqualTo(9);
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        Message m = c.message();
        assertThat(m.reasoning()).isEqualTo("Okay, 17 is odd and not divisible by 3. So it is prime.");
        assertThat(m.content()).isEqualTo("Yes, 17 is a prime number.");
        assertThat(m.parts()).extracting(Part::type).containsExactly("reasoning_content", "text");
        // usage rides on the finishing chunk beside its choices
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(14L, 41L, 55L);
        assertThat(c.usage().reasoningTokens()).isEqualTo(30L);
    }

    @Test
    void reasoningContentNativeShapeUsesTheStreamsName() {
        Recordings.assertSameJson(reasoning().toJson(), """
                {"id": "0f6e1c7a-3b2d-4e8f-9a1c-5d7e2b4f6a80", "object": "chat.completion", "created": 1757000000,
                 "model": "deepseek-reasoner", "system_fingerprint": "fp_7e0991cad4_prod0820_fp8_kvcache", "service_tier": null,
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Yes, 17 is a prime number.", "refusal": null,
                                                    "reasoning_content": "Okay, 17 is odd and not divisible by 3. So it is prime."},
                              "finish_reason": "stop", "logprobs": null}],
                 "usage": {"prompt_tokens": 14, "completion_tokens": 41, "total_tokens": 55,
                           "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 30},
                           "prompt_cache_hit_tokens": 0, "prompt_cache_miss_tokens": 14}}
                """);
    }

    // ---------------------------------------------------------------- n=2 (raw SSE with comments and [DONE])

    private static Completion twoChoices() {
        return ChunkAssembler.assemble(Recordings.synthetic("openai.chat-two-choices.sse"));
    }

    @Test
    void eachChoiceFoldsOnItsOwn() {
        Completion c = twoChoices();
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.chunkCount()).as("11 chunks; comments and [DONE] are not chunks").isEqualTo(11);
        assertThat(c.choices()).extracting(ch -> ch.index(), ch -> ch.message().content(), ch -> ch.rawFinishReason())
                .containsExactly(tuple(0, "Tea or coffee?", "length"), tuple(1, "Coffee, always.", "stop"));
        assertThat(c.choices()).allSatisfy(ch -> assertThat(ch.message().role()).isEqualTo("assistant"));
        assertThat(c.rawFinishReason()).isEqualTo("length");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(20L, 6L, 26L);
    }

    @Test
    void twoChoicesNativeShape() {
        Recordings.assertSameJson(twoChoices().toJson(), """
                {"id": "chatcmpl-CB2aLmQ8rT5vN1xK7pZ3wY9sE4hG6", "object": "chat.completion", "created": 1758000000,
                 "model": "gpt-4o-mini-2024-07-18", "system_fingerprint": "fp_560af6e559", "service_tier": "default",
                 "choices": [
                   {"index": 0, "message": {"role": "assistant", "content": "Tea or coffee?", "refusal": null},
                    "finish_reason": "length", "logprobs": null},
                   {"index": 1, "message": {"role": "assistant", "content": "Coffee, always.", "refusal": null},
                    "finish_reason": "stop", "logprobs": null}],
                 "usage": {"prompt_tokens": 20, "completion_tokens": 6, "total_tokens": 26,
                           "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                           "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                                         "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}}
                """);
    }

    // ---------------------------------------------------------------- legacy completions (JSON Lines)

    private static Completion legacy() {
        return ChunkAssembler.assemble(Recordings.synthetic("openai.completion-legacy.jsonl"));
    }

    @Test
    void legacyCompletion() {
        Completion c = legacy();
        assertThat(c.format()).hasToString("openai.completion");
        assertThat(c.id()).isEqualTo("cmpl-BxT3kQ9mZ2vL8pR4nW6yA1sD");
        assertThat(c.model()).isEqualTo("gpt-3.5-turbo-instruct:20230824-v2");
        assertThat(c.chunkCount()).isEqualTo(9);
        assertThat(c.message().content()).isEqualTo("\n\nRoses are red,\nviolets are blue.");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(9L, 12L, 21L);
        Recordings.assertSameJson(c.toJson(), """
                {"id": "cmpl-BxT3kQ9mZ2vL8pR4nW6yA1sD", "object": "text_completion", "created": 1754300000,
                 "model": "gpt-3.5-turbo-instruct:20230824-v2", "system_fingerprint": null,
                 "choices": [{"index": 0, "text": "\\n\\nRoses are red,\\nviolets are blue.", "finish_reason": "stop", "logprobs": null}],
                 "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21}}
                """);
    }

    // ---------------------------------------------------------------- chat quirks over raw SSE

    @Test
    void surrogatePairSplitAcrossChunksAndAnErrorDataLine() {
        String sse = """
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Smile \\ud83d"},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"\\ude00!"},"finish_reason":null}]}

                data: {"error": {"message": "Internal server error", "type": "server_error", "code": 500}}

                """;
        Completion c = ChunkAssembler.assemble(sse.getBytes(StandardCharsets.UTF_8));
        assertThat(c.message().content()).isEqualTo("Smile \uD83D\uDE00!");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message()).contains("Internal server error"));
    }

    @Test
    void formatOverride() {
        for (String name : List.of("openai.chat-refusal.json", "openai.chat-reasoning-content.jsonl", "openai.chat-two-choices.sse")) {
            byte[] bytes = Recordings.bytes(Recordings.synthetic(name));
            assertThat(ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.OPENAI_CHAT))).as(name).isEqualTo(ChunkAssembler.assemble(bytes));
        }
        byte[] legacy = Recordings.bytes(Recordings.synthetic("openai.completion-legacy.jsonl"));
        assertThat(ChunkAssembler.assemble(legacy, AssemblerOptions.defaults().withFormat(Format.OPENAI_COMPLETION))).isEqualTo(ChunkAssembler.assemble(legacy));
    }
}
