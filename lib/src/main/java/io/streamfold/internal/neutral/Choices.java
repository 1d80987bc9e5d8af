package io.streamfold.internal.neutral;

import io.streamfold.Choice;
import io.streamfold.Format;
import io.streamfold.Logprobs;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.internal.json.Read;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a folded choice: its server-run calls told from the calls the application runs
 * (Responses server items become {@link ToolCall.Kind#SERVER} calls), each list numbered from 0,
 * and the neutral finish reason beside the provider's.
 */
public final class Choices {

    private static final Set<String> CALL_FIELDS = Set.of("type", "id", "name", "arguments");

    private Choices() {
    }

    /**
     * The published choice. {@code response} is the completion's native top-level fields (for
     * Responses' {@code incomplete_details}); {@code parts} are the message's parts in order, tool
     * calls among them.
     */
    public static Choice of(Format format, Map<String, ?> response, int index, String role, String content,
            String refusal, String reasoning, List<Part> parts, String rawFinishReason, Logprobs logprobs,
            Map<String, Object> extra) {
        List<Part> published = new ArrayList<>(parts.size());
        List<ToolCall> toolCalls = new ArrayList<>(2);
        int servers = 0;
        for (Part part : parts) {
            Part p = part;
            if (p instanceof Part.Other other && ToolKinds.SERVER_TYPES.contains(other.type())) {
                p = serverItem(other);
            }
            if (p instanceof ToolCall call) {
                int position = call.kind() == ToolCall.Kind.SERVER ? servers++ : toolCalls.size();
                if (call.index() != position) {
                    call = new ToolCall(position, call.id(), call.type(), call.kind(), call.name(), call.arguments(),
                            call.extra());
                }
                if (call.kind() != ToolCall.Kind.SERVER) {
                    toolCalls.add(call);
                }
                p = call;
            }
            published.add(p);
        }
        Message message = new Message(role, content, refusal, reasoning, toolCalls, published);
        return new Choice(index, message, FinishReasons.of(format, rawFinishReason, !toolCalls.isEmpty(),
                refusal != null && !refusal.isEmpty(), response),
                rawFinishReason, logprobs, extra);
    }

    /** A Responses server item ({@code web_search_call}, {@code mcp_call}, ...) as the call it is, its results in extra. */
    private static ToolCall serverItem(Part.Other item) {
        Map<String, Object> fields = item.fields();
        String type = item.type();
        Object name = fields.get("name"); // mcp_call: the MCP tool's name
        Object arguments = fields.get("arguments");
        Object action = fields.get("action"); // web_search_call: the query
        String args = arguments instanceof String s ? s : action != null ? Read.json(action) : "";
        Map<String, Object> extra = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!CALL_FIELDS.contains(k)) {
                extra.put(k, v);
            }
        });
        Object id = fields.get("id");
        return new ToolCall(0, id instanceof String s ? s : null, type, ToolCall.Kind.SERVER,
                name instanceof String s ? s : type.endsWith("_call") ? type.substring(0, type.length() - 5) : type,
                args, extra);
    }
}
