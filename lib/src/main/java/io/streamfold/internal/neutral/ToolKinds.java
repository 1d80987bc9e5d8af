package io.streamfold.internal.neutral;

import io.streamfold.ToolCall;
import java.util.Set;

/** Who runs a call, from its native type: the one table for every format. */
public final class ToolKinds {

    /** Calls the provider runs: Anthropic's block types and the Responses API's server items. */
    static final Set<String> SERVER_TYPES = Set.of(
            "server_tool_use", "mcp_tool_use", // Anthropic
            "web_search_call", "file_search_call", "code_interpreter_call", "mcp_call", "image_generation_call",
            "tool_search_call"); // Responses

    private static final Set<String> CUSTOM_TYPES = Set.of("custom_tool_call", "custom");

    private ToolKinds() {
    }

    public static ToolCall.Kind of(String type) {
        if (type == null) {
            return ToolCall.Kind.FUNCTION;
        }
        if (SERVER_TYPES.contains(type)) {
            return ToolCall.Kind.SERVER;
        }
        return CUSTOM_TYPES.contains(type) ? ToolCall.Kind.CUSTOM : ToolCall.Kind.FUNCTION;
    }
}
