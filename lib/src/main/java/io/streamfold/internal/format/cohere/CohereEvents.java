package io.streamfold.internal.format.cohere;

import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.format.EventFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Folds Cohere v2 chat stream events into choice 0: content blocks by the event's {@code index}
 * (text, thinking), the tool plan as one reasoning part of type {@code tool_plan}, tool calls by
 * their own {@code index} (arguments concatenated), citations onto the text block they cite,
 * {@code finish_reason} and {@code usage} from {@code message-end}.
 */
final class CohereEvents extends EventFolder<CohereEvent> {

    /** Content blocks by index, and tool calls by theirs: two index spaces. */
    private final List<PartState> blocks = new ArrayList<>();
    private final List<ToolCallState> calls = new ArrayList<>();
    private PartState toolPlan;

    CohereEvents(Assembly assembly) {
        super(assembly, new CohereEvent());
        assembly.responses().resetting(() -> {
            blocks.clear();
            calls.clear();
            toolPlan = null;
        });
    }

    @Override
    protected String endOfResponseStartedBy(String type) {
        return type.equals("message-start") ? "message-end" : null;
    }

    @Override
    protected void fold(CohereEvent event) {
        ChoiceState choice = assembly.choice(0);
        CohereDelta delta = event.delta;
        switch (event.type) {
            case "message-start":
                assembly.id(event.id);
                choice.role(delta.role);
                messageStart(choice, delta);
                break;
            case "content-start":
                contentStart(choice, event.index(diag), delta);
                break;
            case "content-delta":
                contentDelta(choice, event.index(diag), delta);
                break;
            case "content-end":
            case "citation-end":
            case "debug":
                break;
            case "tool-plan-delta":
                if (toolPlan == null) {
                    toolPlan = choice.addPart(PartState.Kind.REASONING, "tool_plan");
                }
                choice.appendText(toolPlan, delta.toolPlan);
                break;
            case "tool-call-start":
                callStart(choice, event.index(diag), delta);
                break;
            case "tool-call-delta":
                callDelta(choice, event.index(diag), delta);
                break;
            case "tool-call-end":
                ToolCallState ended = at(calls, event.index(diag));
                if (ended != null) {
                    choice.completeCall(ended);
                }
                break;
            case "citation-start":
                citation(choice, delta.citation);
                break;
            case "message-end":
                messageEnd(choice, event);
                break;
            default:
                unknown(event);
                break;
        }
    }

    /**
     * A non-streaming chat response ({@code id}, {@code message}, {@code finish_reason},
     * {@code usage}): its message's content, tool plan, calls and citations, then its end.
     */
    @Override
    protected boolean foldUntyped(CohereEvent event) {
        if (!event.isWholeResponse()) {
            return super.foldUntyped(event);
        }
        ChoiceState choice = assembly.choice(0);
        assembly.wholeResponse();
        assembly.id(event.id);
        Map<String, Object> message = event.map("message");
        choice.role(message == null ? "assistant" : Values.stringAt(message, "role"));
        List<Object> content = message == null ? null : Values.asList(message.get("content"));
        for (int i = 0; content != null && i < content.size(); i++) {
            Map<String, Object> block = Values.asMap(content.get(i));
            if (block != null) {
                PartState part = newBlock(choice, i, Values.stringAt(block, "type"));
                choice.appendText(part, Values.textAt(block, part.kind() == PartState.Kind.REASONING ? "thinking" : "text"));
            }
        }
        String plan = message == null ? null : Values.stringAt(message, "tool_plan");
        if (plan != null && !plan.isEmpty()) {
            choice.appendText(choice.addPart(PartState.Kind.REASONING, "tool_plan"), plan);
        }
        List<Object> toolCalls = message == null ? null : Values.asList(message.get("tool_calls"));
        for (int i = 0; toolCalls != null && i < toolCalls.size(); i++) {
            Map<String, Object> call = Values.asMap(toolCalls.get(i));
            if (call != null) {
                Map<String, Object> function = Values.asMap(call.get("function"));
                ToolCallState state = choice.startToolCall(Values.stringAt(call, "id"), Values.stringAt(call, "type"),
                        Values.stringAt(function, "name"));
                choice.appendArguments(state, Values.textAt(function, "arguments"));
                choice.completeCall(state);
            }
        }
        List<Object> citations = message == null ? null : Values.asList(message.get("citations"));
        for (int i = 0; citations != null && i < citations.size(); i++) {
            citation(choice, Values.asMap(citations.get(i)));
        }
        assembly.usage(event.map("usage"));
        choice.finishReason(Values.stringAt(event.kept(), "finish_reason"));
        assembly.terminated();
        return true;
    }

    /** message-start's message is empty as Cohere sends it; content or calls carried whole are folded. */
    private void messageStart(ChoiceState choice, CohereDelta delta) {
        if (delta.startContent != null) {
            for (int i = 0; i < delta.startContent.size(); i++) {
                Map<String, Object> block = Values.asMap(delta.startContent.get(i));
                if (block != null) {
                    PartState part = newBlock(choice, i, Values.stringAt(block, "type"));
                    choice.appendText(part, Values.textAt(block, part.kind() == PartState.Kind.REASONING ? "thinking" : "text"));
                }
            }
        }
        if (delta.startCalls != null) {
            for (int i = 0; i < delta.startCalls.size(); i++) {
                Map<String, Object> call = Values.asMap(delta.startCalls.get(i));
                if (call != null) {
                    Map<String, Object> function = Values.asMap(call.get("function"));
                    ToolCallState state = choice.startToolCall(Values.stringAt(call, "id"), Values.stringAt(call, "type"),
                            Values.stringAt(function, "name"));
                    choice.appendArguments(state, Values.textAt(function, "arguments"));
                    set(calls, i, state);
                }
            }
        }
    }

    private void contentStart(ChoiceState choice, int index, CohereDelta delta) {
        if (at(blocks, index) != null) {
            diag.warn("block-restarted:" + index, "block-restarted",
                    "content block " + index + " was started twice; the second start began a new block");
        }
        String type = delta.contentType != null ? delta.contentType : delta.thinking.present() ? "thinking" : "text";
        PartState part = newBlock(choice, index, type);
        choice.appendText(part, part.kind() == PartState.Kind.REASONING ? delta.thinking : delta.text);
    }

    private PartState newBlock(ChoiceState choice, int index, String type) {
        String kind = type == null ? "text" : type;
        PartState part = choice.addPart(kind.equals("thinking") ? PartState.Kind.REASONING : PartState.Kind.TEXT, kind);
        set(blocks, index, part);
        return part;
    }

    private void contentDelta(ChoiceState choice, int index, CohereDelta delta) {
        PartState part = at(blocks, index);
        if (part == null) {
            diag.warn("block-without-start:" + index, "block-without-start",
                    "content block " + index + " received a delta before content-start; it was started implicitly");
            part = newBlock(choice, index, delta.thinking.present() ? "thinking" : "text");
        }
        if (delta.thinking.present()) {
            choice.appendText(part, delta.thinking);
        }
        if (delta.text.present()) {
            choice.appendText(part, delta.text);
        }
    }

    private void callStart(ChoiceState choice, int index, CohereDelta delta) {
        if (!delta.hasCall) {
            throw diag.unexpected("Expected delta.message.tool_calls in a tool-call-start event but found none");
        }
        ToolCallState call = choice.startToolCall(delta.callId, delta.callType, delta.callName);
        choice.appendArguments(call, delta.arguments);
        set(calls, index, call);
    }

    private void callDelta(ChoiceState choice, int index, CohereDelta delta) {
        ToolCallState call = at(calls, index);
        if (call == null) {
            diag.warn("call-without-start:" + index, "block-without-start",
                    "tool call " + index + " received a delta before tool-call-start; it was started implicitly");
            call = choice.startToolCall(delta.callId, delta.callType, delta.callName);
            set(calls, index, call);
        }
        choice.appendArguments(call, delta.arguments);
    }

    /** A citation belongs to the text block its {@code content_index} names, else to the last text block. */
    private void citation(ChoiceState choice, Map<String, Object> citation) {
        if (citation == null) {
            throw diag.unexpected("Expected delta.message.citations in a citation-start event but found none");
        }
        Object contentIndex = citation.get("content_index");
        PartState part = contentIndex instanceof Number n ? at(blocks, n.intValue()) : null;
        if (part == null) {
            for (PartState p : choice.parts()) {
                if (p.kind() == PartState.Kind.TEXT) {
                    part = p;
                }
            }
        }
        if (part == null) {
            part = newBlock(choice, blocks.size(), "text");
        }
        part.addToList("citations", citation);
    }

    private void messageEnd(ChoiceState choice, CohereEvent event) {
        CohereDelta delta = event.delta;
        assembly.usage(delta.usage);
        if (delta.error != null) {
            assembly.providerError(delta.error);
        }
        choice.finishReason(delta.finishReason);
        assembly.terminated();
    }

    private <T> T at(List<T> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private <T> void set(List<T> list, int index, T value) {
        if (index > list.size() + 10_000) {
            throw diag.unexpected("Expected an index near " + list.size() + " but found " + index);
        }
        while (list.size() <= index) {
            list.add(null);
        }
        list.set(index, value);
    }
}
