package io.streamfold;

/**
 * Why the model stopped, the same for every provider. The provider's own value stays in
 * {@link Completion#rawFinishReason()} and {@link Choice#rawFinishReason()}; docs/FORMATS.md has
 * the mapping of each format.
 *
 * <p>A stream that was cut off before it said why has no finish reason: null, not one of these.
 */
public enum FinishReason {
    /** The model finished its answer (or hit a stop sequence). */
    STOP,
    /** A token limit cut the answer short: {@code max_tokens}, {@code length}, {@code MAX_TOKENS}, ... */
    LENGTH,
    /** The model stopped to have the application run the tools in {@link Message#toolCalls()}. */
    TOOL_CALLS,
    /** A safety or content filter stopped or blocked the answer, or the model refused. */
    CONTENT_FILTER,
    /** The provider reported an error or a failed response. */
    ERROR,
    /** Any other reason the provider gave (Anthropic {@code pause_turn}, Gemini {@code OTHER}, ...). */
    OTHER
}
