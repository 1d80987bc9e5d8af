package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.Usage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target format's own values for what the neutral model says: the raw finish reason and the
 * usage object. The completion's own format keeps what the provider sent.
 */
final class Targets {

    private Targets() {
    }

    /** The finish reason to write for a choice, or null when the stream never said one. */
    static String finish(Completion c, Choice choice, Format target) {
        if (same(c, target) && choice.rawFinishReason() != null) {
            return choice.rawFinishReason();
        }
        FinishReason reason = choice.finishReason();
        return reason == null ? null : finish(reason, target, choice.rawFinishReason());
    }

    /** The target's value for a neutral finish reason; where it has none, the nearest one it has. */
    static String finish(FinishReason reason, Format target, String raw) {
        return switch (target) {
            case OPENAI_CHAT, OPENAI_COMPLETION -> pick(reason, raw, "stop", "length", "tool_calls", "content_filter", "error");
            case ANTHROPIC_MESSAGES -> pick(reason, raw, "end_turn", "max_tokens", "tool_use", "refusal", "error");
            case GEMINI -> pick(reason, raw, "STOP", "MAX_TOKENS", "STOP", "SAFETY", "MALFORMED_FUNCTION_CALL");
            case OPENAI_RESPONSES -> pick(reason, "incomplete", "completed", "incomplete", "completed", "incomplete", "failed");
            case GEMINI_INTERACTIONS -> pick(reason, "incomplete", "completed", "incomplete", "requires_action", "failed", "failed");
            case COHERE_CHAT -> pick(reason, raw, "COMPLETE", "MAX_TOKENS", "TOOL_CALL", "ERROR", "ERROR");
            case OLLAMA_CHAT, OLLAMA_GENERATE -> pick(reason, raw, "stop", "length", "stop", "stop", "stop");
            case BEDROCK_CONVERSE -> pick(reason, raw, "end_turn", "max_tokens", "tool_use", "content_filtered", "end_turn");
        };
    }

    /** True when the target says this neutral finish reason in a value of its own (the rest are approximations). */
    static boolean carries(Format target, FinishReason reason) {
        return switch (reason) {
            case STOP -> true;
            case TOOL_CALLS -> target != Format.OLLAMA_GENERATE; // no calls: its stop says STOP
            case LENGTH -> target != Format.GEMINI_INTERACTIONS;
            case CONTENT_FILTER -> target != Format.GEMINI_INTERACTIONS && target != Format.COHERE_CHAT
                    && target != Format.OLLAMA_CHAT && target != Format.OLLAMA_GENERATE;
            case ERROR -> target != Format.OLLAMA_CHAT && target != Format.OLLAMA_GENERATE && target != Format.BEDROCK_CONVERSE;
            case OTHER -> false;
        };
    }

    private static String pick(FinishReason reason, String other, String stop, String length, String tools,
            String filter, String error) {
        return switch (reason) {
            case STOP -> stop;
            case LENGTH -> length;
            case TOOL_CALLS -> tools;
            case CONTENT_FILTER -> filter;
            case ERROR -> error;
            case OTHER -> other == null ? "other" : other;
        };
    }

    /** Responses' {@code incomplete_details.reason} for a neutral finish, or null. */
    static String incompleteReason(FinishReason reason) {
        return reason == FinishReason.LENGTH ? "max_output_tokens" : reason == FinishReason.CONTENT_FILTER ? "content_filter" : null;
    }

    /** The usage object to write in the target's names, or null when the completion has none. */
    static Map<String, Object> usage(Completion c, Format target) {
        Usage u = c.usage();
        if (u == null) {
            return null;
        }
        if (same(c, target) && !u.details().isEmpty()) {
            return u.details();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Long input = u.inputTokens();
        Long output = u.outputTokens();
        switch (target) {
            case OPENAI_CHAT, OPENAI_COMPLETION -> {
                put(m, "prompt_tokens", input);
                put(m, "completion_tokens", output);
                put(m, "total_tokens", u.totalTokens());
                nested(m, "completion_tokens_details", "reasoning_tokens", u.reasoningTokens());
                nested(m, "prompt_tokens_details", "cached_tokens", u.cachedInputTokens());
                nested(m, "prompt_tokens_details", "cache_write_tokens", u.cacheWriteTokens());
            }
            case OPENAI_RESPONSES -> {
                put(m, "input_tokens", input);
                put(m, "output_tokens", output);
                put(m, "total_tokens", u.totalTokens());
                nested(m, "input_tokens_details", "cached_tokens", u.cachedInputTokens());
                nested(m, "output_tokens_details", "reasoning_tokens", u.reasoningTokens());
            }
            case ANTHROPIC_MESSAGES -> {
                put(m, "input_tokens", minus(input, u.cachedInputTokens(), u.cacheWriteTokens()));
                put(m, "output_tokens", output);
                put(m, "cache_read_input_tokens", u.cachedInputTokens());
                put(m, "cache_creation_input_tokens", u.cacheWriteTokens());
            }
            case GEMINI -> {
                put(m, "promptTokenCount", input);
                put(m, "candidatesTokenCount", minus(output, u.reasoningTokens(), null));
                put(m, "thoughtsTokenCount", u.reasoningTokens());
                put(m, "totalTokenCount", u.totalTokens());
                put(m, "cachedContentTokenCount", u.cachedInputTokens());
            }
            case GEMINI_INTERACTIONS -> {
                put(m, "total_input_tokens", input);
                put(m, "total_output_tokens", minus(output, u.reasoningTokens(), null));
                put(m, "total_thought_tokens", u.reasoningTokens());
                put(m, "total_cached_tokens", u.cachedInputTokens());
                put(m, "total_tokens", u.totalTokens());
            }
            case COHERE_CHAT -> {
                Map<String, Object> tokens = new LinkedHashMap<>();
                put(tokens, "input_tokens", input);
                put(tokens, "output_tokens", output);
                m.put("billed_units", new LinkedHashMap<>(tokens));
                m.put("tokens", tokens);
                put(m, "cached_tokens", u.cachedInputTokens());
            }
            case OLLAMA_CHAT, OLLAMA_GENERATE -> {
                put(m, "prompt_eval_count", input);
                put(m, "eval_count", output);
            }
            case BEDROCK_CONVERSE -> {
                put(m, "inputTokens", minus(input, u.cachedInputTokens(), u.cacheWriteTokens()));
                put(m, "outputTokens", output);
                put(m, "totalTokens", u.totalTokens());
                put(m, "cacheReadInputTokens", u.cachedInputTokens());
                put(m, "cacheWriteInputTokens", u.cacheWriteTokens());
            }
        }
        return m;
    }

    /** True when the completion is in the target format, so its native values apply as they are. */
    static boolean same(Completion c, Format target) {
        return c.format() == target
                || (c.format() == Format.OLLAMA_CHAT || c.format() == Format.OLLAMA_GENERATE)
                        && (target == Format.OLLAMA_CHAT || target == Format.OLLAMA_GENERATE);
    }

    private static Long minus(Long a, Long b, Long c) {
        if (a == null) {
            return null;
        }
        return a - (b == null ? 0 : b) - (c == null ? 0 : c);
    }

    private static void put(Map<String, Object> m, String key, Long value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void nested(Map<String, Object> m, String key, String inner, Long value) {
        if (value != null) {
            ((Map<String, Object>) m.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>())).put(inner, value);
        }
    }
}
