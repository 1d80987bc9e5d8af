package io.streamfold.internal.neutral;

import io.streamfold.FinishReason;
import io.streamfold.Format;
import java.util.Locale;
import java.util.Map;

/**
 * The neutral finish reason of a choice, from its format, the provider's value (for Responses
 * and Interactions the response {@code status}), whether the message calls tools the
 * application runs, and the response's other fields ({@code incomplete_details}). The table is
 * in docs/FORMATS.md ("Finish reasons").
 */
public final class FinishReasons {

    private FinishReasons() {
    }

    /**
     * The neutral value, or null when the provider gave none (a stream cut off). {@code appCalls}:
     * the message has calls the application runs (function or custom); {@code refused}: it holds a
     * refusal; {@code response}: the completion's native top-level fields.
     */
    public static FinishReason of(Format format, String raw, boolean appCalls, boolean refused,
            Map<String, ?> response) {
        if (raw == null) {
            return null;
        }
        FinishReason reason = base(format, raw, response);
        if (reason != FinishReason.STOP) {
            return reason;
        }
        // Gemini says STOP when it calls functions, and so do several chat servers (and Responses says
        // completed); OpenAI says stop (completed) when the model refused.
        return appCalls ? FinishReason.TOOL_CALLS : refused ? FinishReason.CONTENT_FILTER : FinishReason.STOP;
    }

    private static FinishReason base(Format format, String raw, Map<String, ?> response) {
        if (format == Format.OPENAI_RESPONSES) {
            return responses(raw, response);
        }
        if (format == Format.GEMINI_INTERACTIONS) {
            return interactions(raw);
        }
        // Chat servers relay other providers' values (end_turn, MAX_TOKENS, SAFETY), and the formats still to
        // come (Bedrock stopReason, Cohere finish_reason, Ollama done_reason) use the same words: one table.
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "stop":
            case "end_turn":
            case "stop_sequence":
            case "eos":
            case "eos_token":
            case "complete": // Cohere COMPLETE
                return FinishReason.STOP;
            case "length":
            case "max_tokens":
            case "model_length":
            case "model_context_window_exceeded":
                return FinishReason.LENGTH;
            case "tool_calls":
            case "function_call":
            case "tool_use":
            case "tool_call": // Cohere TOOL_CALL
                return FinishReason.TOOL_CALLS;
            case "content_filter":
            case "refusal":
            case "safety":
            case "recitation":
            case "blocklist":
            case "prohibited_content":
            case "spii":
            case "image_safety":
            case "image_prohibited_content":
            case "image_recitation":
            case "guardrail_intervened": // Bedrock
            case "content_filtered":
                return FinishReason.CONTENT_FILTER;
            case "error":
            case "malformed_function_call":
            case "unexpected_tool_call":
            case "too_many_tool_calls":
            case "missing_thought_signature":
            case "timeout": // Cohere TIMEOUT
                return FinishReason.ERROR;
            default:
                return FinishReason.OTHER; // pause_turn, OTHER, LANGUAGE, FINISH_REASON_UNSPECIFIED, ...
        }
    }

    /** Responses: the response status, and for {@code incomplete} its {@code incomplete_details.reason}. */
    private static FinishReason responses(String status, Map<String, ?> response) {
        switch (status) {
            case "completed":
                return FinishReason.STOP;
            case "incomplete": {
                Object details = response == null ? null : response.get("incomplete_details");
                Object reason = details instanceof Map<?, ?> m ? m.get("reason") : null;
                if ("max_output_tokens".equals(reason)) {
                    return FinishReason.LENGTH;
                }
                return "content_filter".equals(reason) ? FinishReason.CONTENT_FILTER : FinishReason.OTHER;
            }
            case "failed":
                return FinishReason.ERROR;
            default:
                return FinishReason.OTHER; // cancelled
        }
    }

    /** Interactions: the interaction status. */
    private static FinishReason interactions(String status) {
        switch (status) {
            case "completed":
                return FinishReason.STOP;
            case "requires_action":
                return FinishReason.TOOL_CALLS;
            case "failed":
                return FinishReason.ERROR;
            default:
                return FinishReason.OTHER; // cancelled, incomplete
        }
    }

    /**
     * The finish reason of a completion whose first choice gave none (or that has no choice): a
     * prompt Gemini blocked before any candidate is {@link FinishReason#CONTENT_FILTER}, a stream
     * that carried a provider error {@link FinishReason#ERROR}; else null.
     */
    public static FinishReason withoutChoice(Map<String, ?> response, boolean hasError, boolean hasChoices) {
        if (!hasChoices && blockReason(response) != null) {
            return FinishReason.CONTENT_FILTER;
        }
        return hasError ? FinishReason.ERROR : null;
    }

    /** Gemini's {@code promptFeedback.blockReason} (either spelling), or null. */
    public static String blockReason(Map<String, ?> response) {
        if (response == null) {
            return null;
        }
        Object feedback = response.containsKey("promptFeedback") ? response.get("promptFeedback") : response.get("prompt_feedback");
        if (feedback instanceof Map<?, ?> m) {
            Object reason = m.containsKey("blockReason") ? m.get("blockReason") : m.get("block_reason");
            return reason instanceof String s ? s : null;
        }
        return null;
    }
}
