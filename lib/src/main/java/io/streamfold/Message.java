package io.streamfold;

import java.util.List;

/**
 * The assistant's message, folded from every delta of one choice.
 *
 * <p>{@code content}, {@code refusal} and {@code reasoning} are null when the stream never sent
 * one: the content of a message that only calls tools is null, not empty.
 *
 * @param role the first role the stream sent ({@code assistant}, Gemini's {@code model}), or null
 * @param content the visible text, concatenated in arrival order, or null
 * @param refusal the refusal text, or null
 * @param reasoning the reasoning text (chat {@code reasoning_content}/{@code reasoning},
 *     Anthropic thinking, Gemini thoughts, Responses reasoning summaries), or null
 * @param toolCalls the tool calls in the order they first appeared; never null
 * @param parts every piece of the message in the provider's order; never null
 */
public record Message(String role, String content, String refusal, String reasoning, List<ToolCall> toolCalls,
        List<Part> parts) {

    /**
     * Makes the lists immutable copies (null ones empty).
     *
     * @param role the first role the stream sent ({@code assistant}, Gemini's {@code model}), or null
     * @param content the visible text, concatenated in arrival order, or null
     * @param refusal the refusal text, or null
     * @param reasoning the reasoning text (chat {@code reasoning_content}/{@code reasoning},
     *     Anthropic thinking, Gemini thoughts, Responses reasoning summaries), or null
     * @param toolCalls the tool calls in the order they first appeared; never null
     * @param parts every piece of the message in the provider's order; never null
     */
    public Message {
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        parts = List.copyOf(parts == null ? List.of() : parts);
    }

    /**
     * A message whose parts are the tool calls.
     *
     * @param role the role, or null
     * @param content the visible text, or null
     * @param refusal the refusal text, or null
     * @param reasoning the reasoning text, or null
     * @param toolCalls the tool calls, in order
     */
    public Message(String role, String content, String refusal, String reasoning, List<ToolCall> toolCalls) {
        this(role, content, refusal, reasoning, toolCalls, toolCalls == null ? List.of() : List.copyOf(toolCalls));
    }

    /**
     * Returns the first tool call with this name.
     *
     * @param name the tool's name
     * @return the call, or null (also for a null name)
     */
    public ToolCall toolCall(String name) {
        for (ToolCall call : toolCalls) {
            if (name != null && name.equals(call.name())) {
                return call;
            }
        }
        return null;
    }
}
