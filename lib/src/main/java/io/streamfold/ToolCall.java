package io.streamfold;

import io.streamfold.internal.core.Values;
import java.util.Map;

/**
 * A tool (function) call the model made, folded from its fragments.
 *
 * <p>An Anthropic {@code tool_use} block, a Gemini function call and a Responses
 * {@code function_call} item are tool calls too; their {@link #arguments()} is the call's JSON
 * input as text.
 *
 * @param index the call's position among the message's tool calls, 0-based, in the order calls
 *     first appeared (not the wire {@code index}, which some providers reuse for every call)
 * @param id the call's id, or null when the stream never sent one
 * @param type the native type: {@code function} for chat, {@code tool_use} or
 *     {@code server_tool_use} for Anthropic, {@code function_call} for Responses and Gemini
 *     Interactions, {@code function} for Gemini
 * @param name the function's name, or null when the stream never sent one
 * @param arguments the arguments exactly as concatenated from the stream, whitespace kept; for
 *     formats that send them whole, their JSON text. Empty when none arrived. Only the whole is
 *     JSON, and not even that when the stream was cut short
 * @param extra other native fields (a Responses item's {@code id} and {@code status}, a Gemini
 *     thought signature), in the provider's spelling; never null
 */
public record ToolCall(int index, String id, String type, String name, String arguments, Map<String, Object> extra)
        implements Part {

    /**
     * Makes null arguments empty and {@code extra} an immutable copy.
     *
     * @param index the call's position among the message's tool calls, 0-based, in the order calls
     *     first appeared (not the wire {@code index}, which some providers reuse for every call)
     * @param id the call's id, or null when the stream never sent one
     * @param type the native type: {@code function} for chat, {@code tool_use} or
     *     {@code server_tool_use} for Anthropic, {@code function_call} for Responses and Gemini
     *     Interactions, {@code function} for Gemini
     * @param name the function's name, or null when the stream never sent one
     * @param arguments the arguments exactly as concatenated from the stream, whitespace kept; for
     *     formats that send them whole, their JSON text. Empty when none arrived. Only the whole is
     *     JSON, and not even that when the stream was cut short
     * @param extra other native fields (a Responses item's {@code id} and {@code status}, a Gemini
     *     thought signature), in the provider's spelling; never null
     */
    public ToolCall {
        arguments = arguments == null ? "" : arguments;
        extra = Values.immutableMap(extra);
    }

    /**
     * A tool call with no native extras.
     *
     * @param index the call's position among the message's tool calls
     * @param id the call's id, or null
     * @param type the call's type ({@code function}), or null
     * @param name the tool's name, or null
     * @param arguments the arguments text, or null for none
     */
    public ToolCall(int index, String id, String type, String name, String arguments) {
        this(index, id, type, name, arguments, Map.of());
    }
}
