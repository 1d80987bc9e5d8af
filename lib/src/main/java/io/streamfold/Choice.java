package io.streamfold;

import io.streamfold.internal.neutral.Immutable;
import java.util.Map;

/**
 * One choice (Gemini: candidate) of a completion.
 *
 * @param index the choice's wire index
 * @param message the folded message; never null
 * @param finishReason why the model stopped, the same for every provider (see
 *     {@link FinishReason}), or null when the stream never said
 * @param rawFinishReason the provider's own finish reason ({@code stop}, {@code tool_calls},
 *     {@code end_turn}, {@code STOP}; the response {@code status} for Responses and
 *     Interactions), the last one sent, or null when none came
 * @param logprobs concatenated log probabilities, or null when the stream sent none
 * @param extra other native fields of the choice (Gemini safety ratings, grounding metadata),
 *     in the provider's spelling; never null
 */
public record Choice(int index, Message message, FinishReason finishReason, String rawFinishReason, Logprobs logprobs,
        Map<String, Object> extra) {

    public Choice {
        extra = Immutable.map(extra);
    }

    /** A choice with no native extras. */
    public Choice(int index, Message message, FinishReason finishReason, String rawFinishReason, Logprobs logprobs) {
        this(index, message, finishReason, rawFinishReason, logprobs, Map.of());
    }
}
