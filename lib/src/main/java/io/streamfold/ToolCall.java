package io.streamfold;

import io.streamfold.internal.neutral.Arguments;
import io.streamfold.internal.neutral.Immutable;
import io.streamfold.internal.neutral.ToolKinds;
import java.util.Map;

/**
 * A tool (function) call the model made, folded from its fragments.
 *
 * <p>An Anthropic {@code tool_use} block, a Gemini function call and a Responses
 * {@code function_call} item are tool calls too; their {@link #arguments()} is the call's JSON
 * input as text. {@link #kind()} says who runs the call: the application
 * ({@link Kind#FUNCTION}, {@link Kind#CUSTOM}; these are in {@link Message#toolCalls()}) or the
 * provider ({@link Kind#SERVER}; in {@link Message#serverToolCalls()}).
 *
 * @param index the call's position in its list ({@link Message#toolCalls()} or
 *     {@link Message#serverToolCalls()}), 0-based, in the order calls first appeared (not the wire
 *     {@code index}, which some providers reuse for every call)
 * @param id the call's id, or null when the stream never sent one
 * @param type the native type: {@code function} for chat and Gemini, {@code tool_use},
 *     {@code server_tool_use} or {@code mcp_tool_use} for Anthropic, {@code function_call},
 *     {@code custom_tool_call} or a server item type ({@code web_search_call}, ...) for Responses,
 *     {@code function_call} for Gemini Interactions
 * @param kind who runs the call; never null
 * @param name the function's name, or null when the stream never sent one (Responses server items
 *     are named by their type without {@code _call}: {@code web_search})
 * @param arguments the arguments exactly as concatenated from the stream, whitespace kept; for
 *     formats that send them whole, their JSON text. Empty when none arrived. Only the whole is
 *     JSON, and not even that when the stream was cut short
 * @param extra other native fields (a Responses item's {@code id} and {@code status}, a Gemini
 *     thought signature, a server call's results), in the provider's spelling; never null
 */
public record ToolCall(int index, String id, String type, Kind kind, String name, String arguments,
        Map<String, Object> extra) implements Part {

    /** Who runs a tool call. */
    public enum Kind {
        /** A function the application runs, with JSON arguments. */
        FUNCTION,
        /** A custom tool the application runs, with free-form input (Responses {@code custom_tool_call}). */
        CUSTOM,
        /** A tool the provider ran itself: web search, code execution, file search, MCP, ... */
        SERVER;

        /**
         * The kind of a call of this native type: {@code custom_tool_call} and {@code custom} are
         * {@link #CUSTOM}; {@code server_tool_use}, {@code mcp_tool_use} and the Responses server
         * items ({@code web_search_call}, {@code mcp_call}, ...) are {@link #SERVER}; every other
         * type (and null) is {@link #FUNCTION}.
         */
        public static Kind ofType(String type) {
            return ToolKinds.of(type);
        }
    }

    public ToolCall {
        arguments = arguments == null ? "" : arguments;
        kind = kind == null ? Kind.ofType(type) : kind;
        extra = Immutable.map(extra);
    }

    /** A tool call whose kind follows from its type ({@link Kind#ofType(String)}). */
    public ToolCall(int index, String id, String type, String name, String arguments, Map<String, Object> extra) {
        this(index, id, type, Kind.ofType(type), name, arguments, extra);
    }

    /** A tool call with no native extras, its kind following from its type. */
    public ToolCall(int index, String id, String type, String name, String arguments) {
        this(index, id, type, Kind.ofType(type), name, arguments, Map.of());
    }

    /**
     * The arguments parsed as a JSON object: an insertion-ordered, deeply immutable map of
     * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code BigDecimal},
     * {@code Boolean}, lists, maps and null. Empty arguments are an empty map.
     *
     * @throws IllegalArgumentException when the arguments are not one JSON object, saying what
     *     they are and where the JSON breaks (the stream may have been cut, or the tool is a custom one)
     */
    public Map<String, Object> argumentsAsMap() {
        return Arguments.asMap(this);
    }

    /**
     * The arguments as compact JSON text (whitespace between tokens removed, key order kept);
     * {@code {}} when empty.
     *
     * @throws IllegalArgumentException when the arguments are not valid JSON
     */
    public String argumentsAsJson() {
        return Arguments.asJson(this);
    }
}
