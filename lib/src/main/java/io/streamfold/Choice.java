package io.streamfold;

import io.streamfold.internal.core.Values;
import java.util.Map;

/**
 * One choice (Gemini: candidate) of a completion.
 *
 * @param index the choice's wire index
 * @param message the folded message; never null
 * @param finishReason the provider's own finish reason ({@code stop}, {@code tool_calls},
 *     {@code end_turn}, {@code STOP}, ...), the last one sent, or null when none came
 * @param logprobs concatenated log probabilities, or null when the stream sent none
 * @param extra other native fields of the choice (Gemini safety ratings, grounding metadata),
 *     in the provider's spelling; never null
 */
public record Choice(int index, Message message, String finishReason, Logprobs logprobs, Map<String, Object> extra) {

    /**
     * Makes {@code extra} an immutable copy.
     *
     * @param index the choice's wire index
     * @param message the folded message; never null
     * @param finishReason the provider's own finish reason ({@code stop}, {@code tool_calls},
     *     {@code end_turn}, {@code STOP}, ...), the last one sent, or null when none came
     * @param logprobs concatenated log probabilities, or null when the stream sent none
     * @param extra other native fields of the choice (Gemini safety ratings, grounding metadata),
     *     in the provider's spelling; never null
     */
    public Choice {
        extra = Values.immutableMap(extra);
    }

    /**
     * A choice with no native extras.
     *
     * @param index the choice's wire index
     * @param message the folded message
     * @param finishReason the provider's own finish reason, or null
     * @param logprobs concatenated log probabilities, or null
     */
    public Choice(int index, Message message, String finishReason, Logprobs logprobs) {
        this(index, message, finishReason, logprobs, Map.of());
    }
}
