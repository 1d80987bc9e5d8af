package io.streamfold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param toolCalls the calls the application must run ({@link ToolCall.Kind#FUNCTION} and
 *     {@link ToolCall.Kind#CUSTOM}), in the order they first appeared; never null
 * @param parts every piece of the message in the provider's order, server tool calls and their
 *     results included; never null
 */
public record Message(String role, String content, String refusal, String reasoning, List<ToolCall> toolCalls,
        List<Part> parts) {

    public Message {
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        parts = List.copyOf(parts == null ? List.of() : parts);
    }

    /**
     * A message whose parts are, as a chat message's are, the reasoning, the content, the refusal
     * (each when not null), then the tool calls.
     */
    public Message(String role, String content, String refusal, String reasoning, List<ToolCall> toolCalls) {
        this(role, content, refusal, reasoning, toolCalls, chatParts(content, refusal, reasoning, toolCalls));
    }

    private static List<Part> chatParts(String content, String refusal, String reasoning, List<ToolCall> toolCalls) {
        List<Part> parts = new ArrayList<>();
        if (reasoning != null) {
            parts.add(new Part.Reasoning("reasoning", reasoning, null, Map.of()));
        }
        if (content != null) {
            parts.add(new Part.Text("text", content, Map.of()));
        }
        if (refusal != null) {
            parts.add(new Part.Refusal(refusal, Map.of()));
        }
        if (toolCalls != null) {
            parts.addAll(toolCalls);
        }
        return parts;
    }

    /**
     * The calls the provider ran itself ({@link ToolCall.Kind#SERVER}: Anthropic
     * {@code server_tool_use} and {@code mcp_tool_use}, Responses {@code web_search_call},
     * {@code mcp_call}, ...), in the order they appeared. Never run them again: their results are
     * in the stream ({@link #serverToolResult(ToolCall)}, or the call's {@code extra()} for
     * Responses items).
     */
    public List<ToolCall> serverToolCalls() {
        List<ToolCall> calls = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof ToolCall call && call.kind() == ToolCall.Kind.SERVER) {
                calls.add(call);
            }
        }
        return List.copyOf(calls);
    }

    /**
     * The result block of a server call, where the stream carries it as a block of its own (an
     * Anthropic {@code web_search_tool_result} or {@code mcp_tool_result} whose
     * {@code tool_use_id} is the call's id); empty otherwise.
     */
    public Optional<Part.Other> serverToolResult(ToolCall call) {
        if (call == null || call.id() == null) {
            return Optional.empty();
        }
        for (Part part : parts) {
            if (part instanceof Part.Other other && call.id().equals(other.fields().get("tool_use_id"))) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the first call with this name, among the calls the application runs
     * ({@link #toolCalls()}), then among the server calls; empty when there is none (or for a null name).
     */
    public Optional<ToolCall> toolCall(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ToolCall call : toolCalls) {
            if (name.equals(call.name())) {
                return Optional.of(call);
            }
        }
        for (ToolCall call : serverToolCalls()) {
            if (name.equals(call.name())) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }
}
