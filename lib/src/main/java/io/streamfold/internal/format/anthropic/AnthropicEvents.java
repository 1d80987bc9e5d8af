package io.streamfold.internal.format.anthropic;

import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.format.EventFolder;
import io.streamfold.internal.format.EventDelta;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds Anthropic Messages events into choice 0: content blocks by {@code index} (text,
 * thinking with its signature, tool use from {@code partial_json}, the rest kept as sent),
 * {@code stop_reason} from {@code message_delta}, and usage merged field by field because
 * {@code message_delta} usage is cumulative.
 */
final class AnthropicEvents extends EventFolder<AnthropicEvent> {

    private static final Set<String> TOOL_BLOCKS = Set.of("tool_use", "server_tool_use", "mcp_tool_use");
    private static final Set<String> TOOL_FIELDS_MODELLED = Set.of("type", "id", "name", "input");
    private static final Set<String> MESSAGE_FIELDS_MODELLED = Set.of("id", "role", "model", "content", "usage",
            "stop_reason");

    /** Blocks by index; indexes are small and dense, so a list (no boxing on every delta). */
    private final List<PartState> blocks = new ArrayList<>();
    /** A tool block's input from content_block_start, kept when no partial_json follows. */
    private final Map<Integer, String> startInputs = new HashMap<>();


    AnthropicEvents(Assembly assembly) {
        super(assembly, new AnthropicEvent());
        assembly.responses().resetting(() -> {
            blocks.clear();
            startInputs.clear();
        });
    }

    @Override
    protected String endOfResponseStartedBy(String type) {
        return type.equals("message_start") ? "message_stop" : null;
    }

    @Override
    protected void fold(AnthropicEvent event) {
        ChoiceState choice = assembly.choice(0);
        switch (event.type) {
            case "message_start":
                messageStart(choice, event.required("message", diag));
                break;
            case "content_block_start":
                blockStart(choice, event.index(diag), event.required("content_block", diag));
                break;
            case "content_block_delta":
                blockDelta(choice, event.index(diag), event.delta);
                break;
            case "content_block_stop":
                blockStop(choice, event.index(diag));
                break;
            case "message_delta":
                messageDelta(choice, event);
                break;
            case "message_stop":
                assembly.terminated();
                break;
            case "message":
                whole(choice, event);
                break;
            case "ping":
                break;
            case "error":
                assembly.providerError(event.object("error"));
                break;
            default:
                unknown(event);
                break;
        }
    }

    /**
     * A non-streaming {@code message} (the Messages API without {@code stream}): folded as the
     * stream that would have carried it, a start with every block whole, each block stopped, the end.
     */
    private void whole(ChoiceState choice, AnthropicEvent event) {
        assembly.wholeResponse();
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        for (String field : List.of("id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage",
                "container")) {
            if (event.object(field) != null || field.equals("type")) {
                message.put(field, field.equals("type") ? "message" : event.object(field));
            }
        }
        messageStart(choice, message);
        List<Object> content = Values.asList(message.get("content"));
        for (int i = 0; content != null && i < content.size(); i++) {
            blockStop(choice, i);
        }
        assembly.terminated();
    }

    private void messageStart(ChoiceState choice, Map<String, Object> message) {
        assembly.id(Values.stringAt(message, "id"));
        assembly.model(Values.stringAt(message, "model"));
        choice.role(Values.stringAt(message, "role"));
        Map<String, Object> usage = Values.asMap(message.get("usage"));
        assembly.mergeUsage(usage);
        for (Map.Entry<String, Object> e : message.entrySet()) {
            if (!MESSAGE_FIELDS_MODELLED.contains(e.getKey())) {
                assembly.extra().put(e.getKey(), e.getValue());
            }
        }
        List<Object> content = Values.asList(message.get("content"));
        if (content != null) {
            // A message may start with content (a prefill echoed by some proxies): blocks 0..n-1.
            for (int i = 0; i < content.size(); i++) {
                Map<String, Object> block = Values.asMap(content.get(i));
                if (block != null) {
                    blockStart(choice, i, block);
                    blockStop(choice, i); // carried whole: its input is all the input there is
                }
            }
        }
        choice.finishReason(Values.stringAt(message, "stop_reason"));
    }

    private void blockStart(ChoiceState choice, int index, Map<String, Object> block) {
        String type = Values.stringAt(block, "type");
        if (type == null) {
            throw diag.unexpected("Expected a type for content_block but found none");
        }
        if (block(index) != null) {
            diag.warn("block-restarted:" + index, "block-restarted",
                    "content block " + index + " was started twice; the second start began a new block");
        }
        PartState part;
        if (TOOL_BLOCKS.contains(type)) {
            ToolCallState call = choice.startToolCall(Values.stringAt(block, "id"), type, Values.stringAt(block, "name"));
            part = choice.lastPart();
            Object input = block.get("input");
            if (input instanceof Map<?, ?> m && !m.isEmpty()) {
                startInputs.put(index, Read.json(input));
            }
            for (Map.Entry<String, Object> e : block.entrySet()) {
                if (!TOOL_FIELDS_MODELLED.contains(e.getKey())) {
                    call.extra().put(e.getKey(), e.getValue());
                }
            }
        } else if (type.equals("text")) {
            part = choice.addPart(PartState.Kind.TEXT, type);
            choice.appendText(part, Values.textAt(block, "text"));
            copyExtra(block, part, "type", "text");
        } else if (type.equals("thinking")) {
            part = choice.addPart(PartState.Kind.REASONING, type);
            choice.appendText(part, Values.textAt(block, "thinking"));
            part.setSignature(Values.stringAt(block, "signature"));
            copyExtra(block, part, "type", "thinking", "signature");
        } else {
            // redacted_thinking, web_search_tool_result, ...: kept as sent
            part = choice.addPart(PartState.Kind.OTHER, type);
            part.extra().putAll(block);
        }
        setBlock(index, part);
    }

    private PartState block(int index) {
        return index < blocks.size() ? blocks.get(index) : null;
    }

    private void setBlock(int index, PartState part) {
        if (index > blocks.size() + 10_000) {
            throw diag.unexpected("Expected a content block index near " + blocks.size() + " but found " + index);
        }
        while (blocks.size() <= index) {
            blocks.add(null);
        }
        blocks.set(index, part);
    }

    private static void copyExtra(Map<String, Object> block, PartState part, String... modelled) {
        Set<String> skip = Set.of(modelled);
        for (Map.Entry<String, Object> e : block.entrySet()) {
            if (!skip.contains(e.getKey())) {
                part.extra().put(e.getKey(), e.getValue());
            }
        }
    }

    private void blockDelta(ChoiceState choice, int index, EventDelta delta) {
        PartState part = block(index);
        if (part == null) {
            part = startImplicitly(choice, index, delta.type);
        }
        String type = delta.type == null ? "" : delta.type;
        switch (type) {
            case "text_delta":
                choice.appendText(part, delta.text);
                break;
            case "thinking_delta":
                choice.appendText(part, delta.thinking);
                break;
            case "signature_delta":
                // One signature per block, sent whole just before content_block_stop: it replaces.
                part.setSignature(delta.signature.toString());
                break;
            case "input_json_delta":
                if (part.call() == null) {
                    throw diag.unexpected("Expected a tool block at index " + index + " for input_json_delta but found a "
                            + part.type() + " block");
                }
                if (part.call().arguments().length() == 0) {
                    part.call().setArguments(null); // streamed input replaces what a whole block carried
                }
                choice.appendArguments(part.call(), delta.partialJson);
                break;
            case "citations_delta":
                part.addToList("citations", delta.other("citation"));
                break;
            case "compaction_delta":
                // The summary of a compacted context, streamed into a block that started with content: null.
                Object piece = delta.other("content");
                Object before = part.extra().get("content");
                if (piece instanceof String s) {
                    part.extra().put("content", before instanceof String b ? b + s : s);
                }
                break;
            default:
                diag.warn("unknown-delta:" + type, "unknown-delta",
                        "a content_block_delta of unknown type '" + type + "' was skipped");
                break;
        }
    }

    /** A delta for a block that never started: start the kind the delta implies, and say so. */
    private PartState startImplicitly(ChoiceState choice, int index, String deltaType) {
        diag.warn("block-without-start:" + index, "block-without-start",
                "content block " + index + " received a delta before content_block_start; it was started implicitly");
        PartState part;
        if ("input_json_delta".equals(deltaType)) {
            choice.startToolCall(null, "tool_use", null);
            part = choice.lastPart();
        } else if ("thinking_delta".equals(deltaType) || "signature_delta".equals(deltaType)) {
            part = choice.addPart(PartState.Kind.REASONING, "thinking");
        } else {
            part = choice.addPart(PartState.Kind.TEXT, "text");
        }
        setBlock(index, part);
        return part;
    }

    private void blockStop(ChoiceState choice, int index) {
        PartState part = block(index);
        if (part == null || part.call() == null) {
            return;
        }
        ToolCallState call = part.call();
        if (call.arguments().toString().isBlank()) {
            // No partial_json: the start block's input stands, and no input at all is {}.
            call.arguments().clear();
            call.setArguments(startInputs.getOrDefault(index, "{}"));
        }
        choice.completeCall(call);
    }

    private void messageDelta(ChoiceState choice, AnthropicEvent event) {
        EventDelta delta = event.delta;
        if (delta.others != null) {
            for (Map.Entry<String, Object> e : delta.others.entrySet()) {
                if (e.getKey().equals("stop_reason")) {
                    choice.finishReason((String) (e.getValue() instanceof String ? e.getValue() : null));
                } else {
                    assembly.extra().put(e.getKey(), e.getValue());
                }
            }
        }
        assembly.mergeUsage(Values.asMap(event.object("usage")));
    }
}
