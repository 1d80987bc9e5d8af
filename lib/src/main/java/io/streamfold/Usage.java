package io.streamfold;

import io.streamfold.internal.neutral.Immutable;
import io.streamfold.internal.neutral.Usages;
import java.util.Map;

/**
 * Token usage: the same counts for every provider, and the provider's own object beside them.
 *
 * <p>The counts mean the same thing whatever the format (docs/FORMATS.md has each provider's
 * arithmetic); each is null when the provider did not report what it needs. They are
 * {@code Long}s and never wrap.
 *
 * @param inputTokens every input token, cache reads and writes included (Anthropic:
 *     {@code input_tokens + cache_read_input_tokens + cache_creation_input_tokens}), or null
 * @param outputTokens every generated token, reasoning included (Gemini: candidates + thoughts), or null
 * @param totalTokens the provider's total when it sent one, else input + output, or null
 * @param reasoningTokens the reasoning (thinking) tokens among the output tokens, or null
 * @param cachedInputTokens the input tokens read from a cache, or null
 * @param cacheWriteTokens the input tokens written to a cache (Anthropic
 *     {@code cache_creation_input_tokens}), or null
 * @param details the provider's whole usage object, every field as sent and in the provider's
 *     spelling (nested objects as maps, arrays as lists); never null, possibly empty
 */
public record Usage(Long inputTokens, Long outputTokens, Long totalTokens, Long reasoningTokens,
        Long cachedInputTokens, Long cacheWriteTokens, Map<String, Object> details) {

    public Usage {
        details = Immutable.map(details);
    }

    /** A usage with the three main counts only. */
    public Usage(Long inputTokens, Long outputTokens, Long totalTokens) {
        this(inputTokens, outputTokens, totalTokens, null, null, null, Map.of());
    }

    /**
     * The neutral usage of a provider's usage object in the given format, as streamfold reads it.
     *
     * @param format the wire format whose arithmetic applies
     * @param details the provider's usage object
     */
    public static Usage of(Format format, Map<String, Object> details) {
        return Usages.of(format, details);
    }

    /**
     * Returns the number at a dotted path in {@link #details()}, such as
     * {@code "completion_tokens_details.reasoning_tokens"}, or null when absent or not a number
     * that fits a long.
     */
    public Long detail(String dottedPath) {
        return Usages.count(details, dottedPath);
    }
}
