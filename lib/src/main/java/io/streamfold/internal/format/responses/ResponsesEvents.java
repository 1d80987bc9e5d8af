package io.streamfold.internal.format.responses;

import io.streamfold.internal.format.EventFolder;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.Published;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds OpenAI Responses events into choice 0. Deltas build output items by
 * {@code output_index}; when the stream ends with {@code response.completed} (or
 * {@code .incomplete}, {@code .failed}) that response is authoritative: what the deltas built is
 * compared with it, every difference is reported, and the response's output replaces it.
 */
final class ResponsesEvents extends EventFolder<ResponsesEvent> {

    private static final Set<String> RESPONSE_FIELDS_MODELLED = Set.of("id", "model", "created_at", "usage");

    private final Map<Integer, Item> items = new TreeMap<>();
    private final Map<String, Item> itemsById = new LinkedHashMap<>();
    private boolean authoritative;

    private final ResponsesChecks checks;

    ResponsesEvents(Assembly assembly) {
        super(assembly, new ResponsesEvent());
        this.checks = new ResponsesChecks(diag);
        assembly.publisher(this::publishOutput);
        assembly.responses().resetting(() -> {
            items.clear();
            itemsById.clear();
            authoritative = false;
        });
    }

    @Override
    protected String endOfResponseStartedBy(String type) {
        return type.equals("response.created") ? "response.completed (or response.incomplete, response.failed)" : null;
    }

    @Override
    protected void fold(ResponsesEvent e) {
        ChoiceState choice = assembly.choice(0);
        switch (e.type) {
            case "response.created":
            case "response.in_progress":
            case "response.queued":
                header(e.required("response", diag), false);
                break;
            case "response.output_item.added":
                itemAdded(choice, e);
                break;
            case "response.output_item.done":
                itemDone(choice, e);
                break;
            case "response.content_part.added":
                contentPart(choice, item(choice, e), e);
                break;
            case "response.output_text.delta":
                choice.appendText(content(choice, e, PartState.Kind.TEXT, "output_text"), e.deltaText);
                break;
            case "response.refusal.delta":
                choice.appendText(content(choice, e, PartState.Kind.REFUSAL, "refusal"), e.deltaText);
                break;
            case "response.reasoning_text.delta":
                choice.appendText(content(choice, e, PartState.Kind.REASONING, "reasoning_text"), e.deltaText);
                break;
            case "response.output_text.done":
                checks.done(content(choice, e, PartState.Kind.TEXT, "output_text"), e.text, "output text");
                break;
            case "response.refusal.done":
                checks.done(content(choice, e, PartState.Kind.REFUSAL, "refusal"), refusalOf(e), "refusal");
                break;
            case "response.reasoning_text.done":
                checks.done(content(choice, e, PartState.Kind.REASONING, "reasoning_text"), e.text, "reasoning text");
                break;
            case "response.output_text.annotation.added":
            case "response.output_text_annotation.added":
                content(choice, e, PartState.Kind.TEXT, "output_text").addToList("annotations", e.object("annotation"));
                break;
            case "response.reasoning_summary_part.added":
                summary(choice, item(choice, e), e);
                break;
            case "response.reasoning_summary_text.delta":
                choice.appendText(summary(choice, item(choice, e), e), e.deltaText);
                break;
            case "response.reasoning_summary_text.done":
                checks.done(summary(choice, item(choice, e), e), e.text, "reasoning summary");
                break;
            case "response.function_call_arguments.delta":
            case "response.custom_tool_call_input.delta":
                choice.appendArguments(call(choice, e), e.deltaText);
                break;
            case "response.function_call_arguments.done":
                checks.arguments(call(choice, e), e.arguments, "arguments");
                break;
            case "response.custom_tool_call_input.done":
                checks.arguments(call(choice, e), inputOf(e), "input");
                break;
            case "response.completed":
            case "response.incomplete":
            case "response.failed":
                completed(choice, e.required("response", diag));
                break;
            case "error":
                // Documented flat ({"type": "error", "code", "message", "param"}); sent nested as often.
                assembly.providerError(e.map("error") != null ? e.map("error") : flatError(e));
                break;
            default:
                if (!e.type.startsWith("response.")) {
                    unknown(e);
                }
                // Hosted tool progress (web_search_call.searching, ...) changes nothing output_item.done won't say.
                break;
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Header
     * ------------------------------------------------------------------------------------- */

    private void header(Map<String, Object> response, boolean overriding) {
        if (overriding) {
            assembly.overrideId(Values.stringAt(response, "id"));
            assembly.overrideModel(Values.stringAt(response, "model"));
        } else {
            assembly.id(Values.stringAt(response, "id"));
            assembly.model(Values.stringAt(response, "model"));
        }
        if (response.get("created_at") instanceof Number n) {
            assembly.created(n.longValue());
        }
        if (overriding) {
            assembly.overrideServiceTier(Values.stringAt(response, "service_tier")); // the tier that served, not the one asked
        } else {
            assembly.serviceTier(Values.stringAt(response, "service_tier"));
        }
        for (Map.Entry<String, Object> f : response.entrySet()) {
            if (!RESPONSE_FIELDS_MODELLED.contains(f.getKey()) && !(f.getKey().equals("output") && !overriding)) {
                assembly.extra().put(f.getKey(), f.getValue());
            }
        }
        assembly.usage(Values.asMap(response.get("usage")));
    }

    /* ---------------------------------------------------------------------------------------
     * Items
     * ------------------------------------------------------------------------------------- */

    private void itemAdded(ChoiceState choice, ResponsesEvent e) {
        Map<String, Object> raw = e.map("item");
        if (raw == null) {
            return; // providers may announce an empty item; output_item.done will say what it was
        }
        int outputIndex = e.hasOutputIndex ? e.outputIndex : items.size();
        startItem(choice, outputIndex, raw);
    }

    private Item startItem(ChoiceState choice, int outputIndex, Map<String, Object> raw) {
        Item item = new Item(raw);
        items.put(outputIndex, item);
        if (item.id != null) {
            itemsById.put(item.id, item);
        }
        switch (item.type) {
            case "message":
                choice.role(Values.stringAt(raw, "role"));
                List<Object> content = Values.asList(raw.get("content"));
                if (content != null) {
                    for (int i = 0; i < content.size(); i++) {
                        addContent(choice, item, i, Values.asMap(content.get(i)));
                    }
                }
                break;
            case "reasoning":
                List<Object> summary = Values.asList(raw.get("summary"));
                if (summary != null) {
                    for (Object s : summary) {
                        addSummary(choice, item, Values.asMap(s));
                    }
                }
                List<Object> reasoningContent = Values.asList(raw.get("content"));
                if (reasoningContent != null) {
                    for (int i = 0; i < reasoningContent.size(); i++) {
                        addContent(choice, item, i, Values.asMap(reasoningContent.get(i)));
                    }
                }
                break;
            case "function_call":
            case "custom_tool_call": {
                String callId = Values.stringAt(raw, "call_id");
                item.call = choice.startToolCall(callId != null ? callId : item.id, item.type, Values.stringAt(raw, "name"));
                if (item.type.equals("custom_tool_call")) {
                    item.call.freeForm(); // its input is whatever text the tool's grammar allows
                }
                String args = Values.stringAt(raw, item.type.equals("function_call") ? "arguments" : "input");
                if (args != null && !args.isEmpty()) {
                    choice.appendArguments(item.call, args);
                }
                for (Map.Entry<String, Object> f : raw.entrySet()) {
                    if (!Set.of("type", "call_id", "name", "arguments", "input").contains(f.getKey())) {
                        item.call.extra().put(f.getKey(), f.getValue());
                    }
                }
                break;
            }
            default:
                item.other = choice.addPart(PartState.Kind.OTHER, item.type);
                item.other.extra().putAll(raw);
                break;
        }
        return item;
    }

    private void itemDone(ChoiceState choice, ResponsesEvent e) {
        Map<String, Object> raw = e.map("item");
        if (raw == null) {
            throw diag.unexpected("Expected an object for item in response.output_item.done but found none");
        }
        int outputIndex = e.hasOutputIndex ? e.outputIndex : items.size();
        Item item = items.get(outputIndex);
        if (item == null) {
            startItem(choice, outputIndex, raw);
            return;
        }
        item.done = raw;
        if (item.other != null) {
            item.other.extra().clear();
            item.other.extra().putAll(raw);
        } else if (item.call != null) {
            String key = item.type.equals("custom_tool_call") ? "input" : "arguments";
            checks.arguments(item.call, Values.stringAt(raw, key), key);
            for (Map.Entry<String, Object> f : raw.entrySet()) {
                if (Set.of("id", "status").contains(f.getKey())) {
                    item.call.extra().put(f.getKey(), f.getValue());
                }
            }
        }
    }

    private Item item(ChoiceState choice, ResponsesEvent e) {
        Item item = null;
        if (e.hasOutputIndex) {
            item = items.get(e.outputIndex);
        }
        if (item == null && e.itemId.present()) {
            item = itemsById.get(e.itemId.toString());
        }
        if (item == null) {
            // A delta for an item never announced: start it, and say so.
            diag.warn("item-without-start", "an event referred to an output item that was never added; it was started implicitly");
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("type", e.type.contains("function_call") ? "function_call"
                    : e.type.contains("custom_tool_call") ? "custom_tool_call"
                    : e.type.contains("reasoning") ? "reasoning" : "message");
            if (e.itemId.present()) {
                raw.put("id", e.itemId.toString());
            }
            item = startItem(choice, e.hasOutputIndex ? e.outputIndex : items.size(), raw);
        }
        return item;
    }

    private void contentPart(ChoiceState choice, Item item, ResponsesEvent e) {
        Map<String, Object> part = e.map("part");
        if (part == null) {
            return;
        }
        int contentIndex = e.hasContentIndex ? e.contentIndex : item.contents.size();
        if (!item.contents.containsKey(contentIndex)) {
            addContent(choice, item, contentIndex, part);
        }
    }

    private PartState addContent(ChoiceState choice, Item item, int contentIndex, Map<String, Object> raw) {
        if (raw == null) {
            return null;
        }
        String type = Values.stringAt(raw, "type");
        PartState part;
        if ("refusal".equals(type)) {
            part = choice.addPart(PartState.Kind.REFUSAL, "refusal");
            choice.appendText(part, Values.textAt(raw, "refusal"));
        } else if ("reasoning_text".equals(type)) {
            part = choice.addPart(PartState.Kind.REASONING, "reasoning_text");
            choice.appendText(part, Values.textAt(raw, "text"));
        } else if ("output_text".equals(type) || "text".equals(type) || type == null) {
            part = choice.addPart(PartState.Kind.TEXT, type == null ? "output_text" : type);
            choice.appendText(part, Values.textAt(raw, "text"));
            for (Map.Entry<String, Object> f : raw.entrySet()) {
                if (!Set.of("type", "text").contains(f.getKey())) {
                    part.extra().put(f.getKey(), f.getValue());
                }
            }
        } else {
            part = choice.addPart(PartState.Kind.OTHER, type);
            part.extra().putAll(raw);
        }
        item.contents.put(contentIndex, part);
        return part;
    }

    private PartState content(ChoiceState choice, ResponsesEvent e, PartState.Kind kind, String type) {
        Item item = item(choice, e);
        int contentIndex = e.hasContentIndex ? e.contentIndex : 0;
        PartState part = item.contents.get(contentIndex);
        if (part == null) {
            part = choice.addPart(kind, type);
            item.contents.put(contentIndex, part);
        }
        return part;
    }

    private PartState summary(ChoiceState choice, Item item, ResponsesEvent e) {
        int summaryIndex = e.hasSummaryIndex ? e.summaryIndex : 0;
        PartState part = item.summaries.get(summaryIndex);
        if (part == null) {
            part = choice.addPart(PartState.Kind.REASONING, "summary_text");
            item.summaries.put(summaryIndex, part);
        }
        return part;
    }

    private void addSummary(ChoiceState choice, Item item, Map<String, Object> raw) {
        if (raw == null) {
            return;
        }
        PartState part = choice.addPart(PartState.Kind.REASONING, "summary_text");
        choice.appendText(part, Values.textAt(raw, "text"));
        item.summaries.put(item.summaries.size(), part);
    }

    private ToolCallState call(ChoiceState choice, ResponsesEvent e) {
        Item item = item(choice, e);
        if (item.call == null) {
            throw diag.unexpected("Expected a function_call item for " + e.type + " but found a " + item.type + " item");
        }
        return item.call;
    }

    private static Map<String, Object> flatError(ResponsesEvent e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.object("code"));
        error.put("message", e.object("message"));
        error.put("param", e.object("param"));
        return error;
    }

    private static CharSequence refusalOf(ResponsesEvent e) {
        Object refusal = e.object("refusal");
        return refusal instanceof String s ? s : null;
    }

    private static CharSequence inputOf(ResponsesEvent e) {
        Object input = e.object("input");
        return input instanceof String s ? s : null;
    }


    /** A whole non-streaming response folds as a stream that only said its end. */
    @Override
    protected boolean foldUntyped(ResponsesEvent e) {
        if (!e.isWholeResponse()) {
            return super.foldUntyped(e);
        }
        assembly.wholeResponse();
        completed(assembly.choice(0), e.kept());
        return true;
    }

    private void completed(ChoiceState choice, Map<String, Object> response) {
        List<Object> output = Values.asList(response.get("output"));
        if (output != null && (!output.isEmpty() || items.isEmpty())) {
            if (checks.differ(items, output)) {
                // The final response is authoritative: rebuild the parts from its output. The listener
                // heard the deltas; it is not told the story twice.
                choice.muted(() -> {
                    choice.clearParts();
                    items.clear();
                    itemsById.clear();
                    for (int i = 0; i < output.size(); i++) {
                        Map<String, Object> raw = Values.asMap(output.get(i));
                        if (raw != null) {
                            startItem(choice, i, raw).done = raw;
                        }
                    }
                });
            }
            authoritative = true;
        }
        header(response, true);
        String status = Values.stringAt(response, "status");
        choice.finishReason(status != null ? status : "completed");
        assembly.terminated();
    }

    /** Before each snapshot: without a final response, the output is what the deltas built. */
    private void publishOutput(Published out) {
        if (authoritative) {
            return;
        }
        List<Object> output = new ArrayList<>();
        for (Item item : items.values()) {
            output.add(ResponsesOutput.render(item.done != null ? item.done : item.raw, item));
        }
        out.extra("output", output);
    }

}
