package io.streamfold.neutral;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Usage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each provider's usage object read as the same neutral counts (docs/FORMATS.md, "Usage"). */
class UsageArithmeticTest {

    private static List<Long> counts(Usage u) {
        return Arrays.asList(u.inputTokens(), u.outputTokens(), u.totalTokens(), u.reasoningTokens(),
                u.cachedInputTokens(), u.cacheWriteTokens());
    }

    @Test
    void anthropicInputCountsTheCacheReadsAndWrites() {
        // A cached Anthropic prompt: input_tokens is only what follows the last cache breakpoint.
        Usage u = Usage.of(Format.ANTHROPIC_MESSAGES, Map.of("input_tokens", 6, "cache_read_input_tokens", 6289,
                "cache_creation_input_tokens", 3535, "output_tokens", 512));
        assertThat(counts(u)).containsExactly(9830L, 512L, 10342L, null, 6289L, 3535L);
        assertThat(u.detail("input_tokens")).isEqualTo(6L);
    }

    @Test
    void chatAndResponsesCountsAreAsSentWithTheirDetails() {
        Usage chat = Usage.of(Format.OPENAI_CHAT, Map.of("prompt_tokens", 1200, "completion_tokens", 300,
                "total_tokens", 1500, "prompt_tokens_details", Map.of("cached_tokens", 1024),
                "completion_tokens_details", Map.of("reasoning_tokens", 256)));
        assertThat(counts(chat)).containsExactly(1200L, 300L, 1500L, 256L, 1024L, null);
        Usage deepseek = Usage.of(Format.OPENAI_CHAT, Map.of("prompt_tokens", 50, "completion_tokens", 5,
                "prompt_cache_hit_tokens", 32, "prompt_cache_miss_tokens", 18));
        assertThat(counts(deepseek)).as("no total sent: input + output").containsExactly(50L, 5L, 55L, null, 32L, null);
        Usage responses = Usage.of(Format.OPENAI_RESPONSES, Map.of("input_tokens", 75, "output_tokens", 182,
                "total_tokens", 257, "input_tokens_details", Map.of("cached_tokens", 64),
                "output_tokens_details", Map.of("reasoning_tokens", 128)));
        assertThat(counts(responses)).containsExactly(75L, 182L, 257L, 128L, 64L, null);
    }

    @Test
    void geminiOutputCountsTheThoughtsAndInputTheToolPrompt() {
        Usage camel = Usage.of(Format.GEMINI, Map.of("promptTokenCount", 42, "candidatesTokenCount", 38,
                "thoughtsTokenCount", 57, "toolUsePromptTokenCount", 10, "cachedContentTokenCount", 20,
                "totalTokenCount", 147));
        assertThat(counts(camel)).containsExactly(52L, 95L, 147L, 57L, 20L, null);
        Usage snake = Usage.of(Format.GEMINI, Map.of("prompt_token_count", 9, "total_token_count", 9));
        assertThat(counts(snake)).as("a blocked prompt: no output").containsExactly(9L, null, 9L, null, null, null);
        Usage interactions = Usage.of(Format.GEMINI_INTERACTIONS, Map.of("total_input_tokens", 9,
                "total_output_tokens", 15, "total_thought_tokens", 118, "total_cached_tokens", 0,
                "total_tool_use_tokens", 0, "total_tokens", 142));
        assertThat(counts(interactions)).containsExactly(9L, 133L, 142L, 118L, 0L, null);
    }

    @Test
    void countsNeverWrap() {
        String chunk = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3000000000,\"completion_tokens\":5,"
                + "\"total_tokens\":3000000005}}\n";
        Completion c = ChunkAssembler.assemble(chunk.getBytes(StandardCharsets.UTF_8));
        assertThat(c.usage().inputTokens()).isEqualTo(3_000_000_000L);
        assertThat(c.usage().totalTokens()).isEqualTo(3_000_000_005L);
        Usage huge = Usage.of(Format.OPENAI_CHAT, Map.of("prompt_tokens", new BigInteger("99999999999999999999")));
        assertThat(huge.inputTokens()).as("beyond a long: unknown, not wrapped").isNull();
        Usage notWhole = Usage.of(Format.OPENAI_CHAT, Map.of("prompt_tokens", 1.5, "completion_tokens", "7"));
        assertThat(counts(notWhole)).containsOnlyNulls();
    }
}
