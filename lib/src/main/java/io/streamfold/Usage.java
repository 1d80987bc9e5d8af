package io.streamfold;

import io.streamfold.internal.core.Values;
import java.util.Map;

/**
 * Token usage as the provider reported it.
 *
 * <p>The three counts are a provider-neutral view (null when the provider did not send one):
 * OpenAI's {@code prompt_tokens}/{@code completion_tokens}/{@code total_tokens}, Anthropic's and
 * the Responses API's {@code input_tokens}/{@code output_tokens}, Gemini's
 * {@code prompt_token_count}/{@code candidates_token_count}/{@code total_token_count}. The total is
 * the provider's when sent, else the sum of the other two when both are known.
 *
 * @param promptTokens tokens in the prompt, or null
 * @param completionTokens tokens generated, or null
 * @param totalTokens the total, or null
 * @param details the provider's whole usage object, every field as sent and in the provider's
 *     spelling (nested objects as maps, arrays as lists); never null, possibly empty
 */
public record Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens, Map<String, Object> details) {

    /**
     * Makes {@code details} an immutable copy.
     *
     * @param promptTokens tokens in the prompt, or null
     * @param completionTokens tokens generated, or null
     * @param totalTokens the total, or null
     * @param details the provider's whole usage object, every field as sent and in the provider's
     *     spelling (nested objects as maps, arrays as lists); never null, possibly empty
     */
    public Usage {
        details = Values.immutableMap(details);
    }

    /**
     * A usage with the three counts only.
     *
     * @param promptTokens tokens in the prompt, or null
     * @param completionTokens tokens generated, or null
     * @param totalTokens the total, or null
     */
    public Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {
        this(promptTokens, completionTokens, totalTokens, Map.of());
    }

    /**
     * Reasoning tokens, wherever the provider reports them
     * ({@code completion_tokens_details.reasoning_tokens}, {@code output_tokens_details.reasoning_tokens},
     * Gemini's {@code thoughts_token_count}), or null.
     *
     * @return the count, or null
     */
    public Integer reasoningTokens() {
        return firstCount("completion_tokens_details.reasoning_tokens", "output_tokens_details.reasoning_tokens",
                "thoughts_token_count", "thoughtsTokenCount", "total_thought_tokens");
    }

    /**
     * Prompt tokens served from a cache, wherever the provider reports them
     * ({@code prompt_tokens_details.cached_tokens}, {@code input_tokens_details.cached_tokens},
     * Anthropic's {@code cache_read_input_tokens}, Gemini's {@code cached_content_token_count}), or null.
     *
     * @return the count, or null
     */
    public Integer cachedTokens() {
        return firstCount("prompt_tokens_details.cached_tokens", "input_tokens_details.cached_tokens",
                "cache_read_input_tokens", "cached_content_token_count", "cachedContentTokenCount",
                "total_cached_tokens");
    }

    /**
     * Returns the number at a dotted path in {@link #details()}, such as
     * {@code "completion_tokens_details.reasoning_tokens"}, or null when absent or not a number.
     *
     * @param dottedPath field names joined by dots
     * @return the number, or null
     */
    public Long detail(String dottedPath) {
        Object value = Values.at(details, dottedPath);
        return value instanceof Number n ? n.longValue() : null;
    }

    private Integer firstCount(String... paths) {
        for (String path : paths) {
            Long value = detail(path);
            if (value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return value.intValue();
            }
        }
        return null;
    }
}
