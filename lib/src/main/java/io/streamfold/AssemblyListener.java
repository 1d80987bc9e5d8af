package io.streamfold;

/**
 * Receives what the fold sees as it happens, for live consumers of a stream. Every method has an
 * empty default; implement the ones you need.
 *
 * <p>Replaying the events rebuilds the completion: text, reasoning and refusal deltas concatenate
 * to the message's {@code content}, {@code reasoning} and {@code refusal}, and the argument
 * deltas of each call to its {@code arguments}. Callbacks run on the thread that feeds the
 * assembler, before {@code feed} (or {@code assemble}) returns. Three limits of a replay:
 * <ul>
 *   <li>An empty delta is not announced, so where a stream sent only {@code ""} the completion
 *       has {@code ""} and a replay has nothing (null).</li>
 *   <li>A Responses stream's final {@code response.completed} is authoritative. When it disagrees
 *       with the deltas (a {@code stream-mismatch} warning), the completion holds the final text,
 *       and the deltas hold what was streamed.</li>
 *   <li>Gemini's streamed arguments ({@code partialArgs}) are a JSON object rebuilt piece by piece,
 *       not a text that grows. {@link #onToolCallCompleted} carries them whole.</li>
 * </ul>
 */
public interface AssemblyListener {

    /**
     * Visible text arrived for a choice.
     *
     * @param choice the choice's index
     * @param text the new text
     */
    default void onTextDelta(int choice, String text) {
    }

    /**
     * Reasoning text arrived for a choice.
     *
     * @param choice the choice's index
     * @param text the new reasoning text
     */
    default void onReasoningDelta(int choice, String text) {
    }

    /**
     * Refusal text arrived for a choice.
     *
     * @param choice the choice's index
     * @param text the new refusal text
     */
    default void onRefusalDelta(int choice, String text) {
    }

    /**
     * A tool call started.
     *
     * @param choice the choice's index
     * @param index the call's position among the calls the stream started, Anthropic's server calls
     *     included (so it can differ from {@link ToolCall#index()}, which counts within
     *     {@link Message#toolCalls()} or {@link Message#serverToolCalls()})
     * @param id its id, or null when not known yet
     * @param name its name, or null when not known yet
     */
    default void onToolCallStarted(int choice, int index, String id, String name) {
    }

    /**
     * Arguments text arrived for the call at {@code index}.
     *
     * @param choice the choice's index
     * @param index the call's position among the choice's tool calls
     * @param delta the new arguments text
     */
    default void onToolCallArgumentsDelta(int choice, int index, String delta) {
    }

    /**
     * A call is complete: the next call started, its block stopped, or the choice finished. A
     * provider that interleaves calls may add arguments to a call after the next one began: the
     * call is then completed again, and the last event carries its whole arguments.
     *
     * @param choice the choice's index
     * @param call the call as folded so far
     */
    default void onToolCallCompleted(int choice, ToolCall call) {
    }

    /**
     * A response ended: the next one began (a recording may hold several, see
     * {@link ChunkAssembler#assembleAll(byte[])}), or the stream ended. Called once per response,
     * in order, the last one just before {@link #onFinished}. The deltas heard since the last call
     * were this response's.
     *
     * @param response the response's 0-based position in the stream
     * @param completion the response, final
     */
    default void onResponseFinished(int response, Completion completion) {
    }

    /**
     * The stream ended.
     *
     * @param completion the final completion: the stream's last response when it held several
     */
    default void onFinished(Completion completion) {
    }
}
