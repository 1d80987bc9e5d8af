package io.streamfold.internal.neutral;

import io.streamfold.Format;
import io.streamfold.Usage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The neutral counts of each provider's usage object: every input token (cache included),
 * every output token (reasoning included), the total, reasoning and cache tokens. The table is
 * in docs/FORMATS.md ("Usage").
 */
public final class Usages {

    private Usages() {
    }

    public static Usage of(Format format, Map<String, Object> d) {
        if (d == null) {
            return null;
        }
        Format f = format == null ? Format.OPENAI_CHAT : format;
        switch (f) {
            case ANTHROPIC_MESSAGES: {
                // input_tokens counts only what follows the last cache breakpoint: add the cache reads and writes.
                Long read = count(d, "cache_read_input_tokens");
                Long write = count(d, "cache_creation_input_tokens");
                Long input = sum(count(d, "input_tokens"), read, write);
                Long output = count(d, "output_tokens");
                return new Usage(input, output, total(count(d, "total_tokens"), input, output), null, read, write, d);
            }
            case GEMINI: {
                // promptTokenCount includes the cached tokens; candidates exclude the thoughts.
                Long thoughts = first(d, "thoughts_token_count", "thoughtsTokenCount");
                Long prompt = first(d, "prompt_token_count", "promptTokenCount");
                Long input = prompt == null ? null
                        : sum(prompt, first(d, "tool_use_prompt_token_count", "toolUsePromptTokenCount"));
                Long candidates = first(d, "candidates_token_count", "candidatesTokenCount");
                Long output = sum(candidates, thoughts);
                return new Usage(input, output, total(first(d, "total_token_count", "totalTokenCount"), input, output),
                        thoughts, first(d, "cached_content_token_count", "cachedContentTokenCount"), null, d);
            }
            case GEMINI_INTERACTIONS: {
                Long thoughts = count(d, "total_thought_tokens");
                Long prompt = count(d, "total_input_tokens");
                Long input = prompt == null ? null : sum(prompt, count(d, "total_tool_use_tokens"));
                Long candidates = count(d, "total_output_tokens");
                Long output = sum(candidates, thoughts);
                return new Usage(input, output, total(count(d, "total_tokens"), input, output), thoughts,
                        count(d, "total_cached_tokens"), null, d);
            }
            case OPENAI_RESPONSES: {
                Long input = count(d, "input_tokens");
                Long output = count(d, "output_tokens");
                return new Usage(input, output, total(count(d, "total_tokens"), input, output),
                        count(d, "output_tokens_details.reasoning_tokens"),
                        count(d, "input_tokens_details.cached_tokens"), null, d);
            }
            default: {
                // Chat and legacy completions, and the servers that speak them: prompt_tokens already
                // includes the cached tokens, completion_tokens the reasoning tokens.
                Long input = first(d, "prompt_tokens", "input_tokens");
                Long output = first(d, "completion_tokens", "output_tokens");
                Long cached = first(d, "prompt_tokens_details.cached_tokens", "prompt_cache_hit_tokens");
                Long write = first(d, "prompt_tokens_details.cache_write_tokens", "prompt_tokens_details.cache_creation_tokens");
                return new Usage(input, output, total(count(d, "total_tokens"), input, output),
                        first(d, "completion_tokens_details.reasoning_tokens", "reasoning_tokens"), cached, write, d);
            }
        }
    }

    /** The provider's total when sent, else input + output when both are known. */
    private static Long total(Long sent, Long input, Long output) {
        if (sent != null) {
            return sent;
        }
        return input != null && output != null ? input + output : null;
    }

    /** The sum of the known counts; null when none is known. */
    private static Long sum(Long... counts) {
        Long total = null;
        for (Long c : counts) {
            if (c != null) {
                total = total == null ? c : total + c;
            }
        }
        return total;
    }

    private static Long first(Map<String, ?> d, String... paths) {
        for (String path : paths) {
            Long value = count(d, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The whole number at a dotted path, or null when absent, not a whole number, or beyond a long. */
    public static Long count(Map<String, ?> d, String dottedPath) {
        Object value = io.streamfold.internal.core.Values.at(d, dottedPath);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (value instanceof BigDecimal b) {
            try {
                return b.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof Double x && x == Math.rint(x) && Math.abs(x) < 0x1p53) {
            return x.longValue();
        }
        return null;
    }
}
