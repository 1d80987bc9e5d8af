package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.ChunkFields;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.core.PartState;
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
public final class ResponsesEvents {

    private static final Set<String> RESPONSE_FIELDS_MODELLED = Set.of("id", "model", "created_at", "usage");

    private final Assembly assembly;
    private final Diagnostics diag;
    private final Map<Integer, Item> items = new TreeMap<>();
    private final Map<String, Item> itemsById = new LinkedHashMap<>();
    private boolean authoritative;

    public ResponsesEvents(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        assembly.beforeSnapshot(this::publishOutput);
    }

    public void fold(ChunkFields e) {
        ChoiceState choice = assembly.choice(0);
        switch (e.type) {
            case "response.created":
            case "response.in_progress":
            case "response.queued":
                header(required(e, "response"), false);
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
                checkDone(choice, content(choice, e, PartState.Kind.TEXT, "output_text"), e.text, "output text");
                break;
            case "response.refusal.done":
                checkDone(choice, content(choice, e, PartState.Kind.REFUSAL, "refusal"), refusalOf(e), "refusal");
                break;
            case "response.reasoning_text.done":
                checkDone(choice, content(choice, e, PartState.Kind.REASONING, "reasoning_text"), e.text, "reasoning text");
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
                checkDone(choice, summary(choice, item(choice, e), e), e.text, "reasoning summary");
                break;
            case "response.function_call_arguments.delta":
            case "response.custom_tool_call_input.delta":
                choice.appendArguments(call(choice, e), e.deltaText);
                break;
            case "response.function_call_arguments.done":
                checkArguments(call(choice, e), e.arguments, "arguments");
                break;
            case "response.custom_tool_call_input.done":
                checkArguments(call(choice, e), inputOf(e), "input");
                break;
            case "response.completed":
            case "response.incomplete":
            case "response.failed":
                completed(choice, required(e, "response"));
                break;
            case "error":
                providerError(e);
                break;
            default:
                if (!e.type.startsWith("response.")) {
                    diag.warn("unknown-event:" + e.type, "unknown-event", "an event of unknown type '" + e.type + "' was skipped");
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

    private void itemAdded(ChoiceState choice, ChunkFields e) {
        Map<String, Object> raw = e.map("item");
        if (raw == null) {
            return; // providers may announce an empty item; output_item.done will say what it was
        }
        int outputIndex = e.hasOutputIndex ? e.outputIndex : items.size();
        startItem(choice, outputIndex, raw);
    }

    private Item startItem(ChoiceState choice, int outputIndex, Map<String, Object> raw) {
        Item item = new Item(outputIndex, raw);
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

    private void itemDone(ChoiceState choice, ChunkFields e) {
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
            checkArguments(item.call, Values.stringAt(raw, key), key);
            for (Map.Entry<String, Object> f : raw.entrySet()) {
                if (Set.of("id", "status").contains(f.getKey())) {
                    item.call.extra().put(f.getKey(), f.getValue());
                }
            }
        }
    }

    private Item item(ChoiceState choice, ChunkFields e) {
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

    private void contentPart(ChoiceState choice, Item item, ChunkFields e) {
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
            choice.appendText(part, textOrEmpty(raw, "refusal"));
        } else if ("reasoning_text".equals(type)) {
            part = choice.addPart(PartState.Kind.REASONING, "reasoning_text");
            choice.appendText(part, textOrEmpty(raw, "text"));
        } else if ("output_text".equals(type) || "text".equals(type) || type == null) {
            part = choice.addPart(PartState.Kind.TEXT, type == null ? "output_text" : type);
            choice.appendText(part, textOrEmpty(raw, "text"));
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

    private PartState content(ChoiceState choice, ChunkFields e, PartState.Kind kind, String type) {
        Item item = item(choice, e);
        int contentIndex = e.hasContentIndex ? e.contentIndex : 0;
        PartState part = item.contents.get(contentIndex);
        if (part == null) {
            part = choice.addPart(kind, type);
            item.contents.put(contentIndex, part);
        }
        return part;
    }

    private PartState summary(ChoiceState choice, Item item, ChunkFields e) {
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
        choice.appendText(part, textOrEmpty(raw, "text"));
        item.summaries.put(item.summaries.size(), part);
    }

    private ToolCallState call(ChoiceState choice, ChunkFields e) {
        Item item = item(choice, e);
        if (item.call == null) {
            throw diag.unexpected("Expected a function_call item for " + e.type + " but found a " + item.type + " item");
        }
        return item.call;
    }

    private static String textOrEmpty(Map<String, Object> raw, String key) {
        String text = Values.stringAt(raw, key);
        return text == null ? "" : text;
    }

    private static CharSequence refusalOf(ChunkFields e) {
        Object refusal = e.object("refusal");
        return refusal instanceof String s ? s : null;
    }

    private static CharSequence inputOf(ChunkFields e) {
        Object input = e.object("input");
        return input instanceof String s ? s : null;
    }

    /* ---------------------------------------------------------------------------------------
     * Consistency: .done events and the final response
     * ------------------------------------------------------------------------------------- */

    private void checkDone(ChoiceState choice, PartState part, CharSequence whole, String what) {
        if (whole == null || (whole instanceof CharBuf buf && !buf.present())) {
            return;
        }
        if (!part.text().toString().contentEquals(whole)) {
            diag.warn("stream-mismatch", "the deltas of a " + what + " built '" + preview(part.text()) + "' but its .done event says '"
                    + preview(whole) + "'; the .done text is kept");
            part.text().clear();
            part.text().append(whole);
        }
    }

    private void checkArguments(ToolCallState call, CharSequence whole, String what) {
        if (whole == null || (whole instanceof CharBuf buf && !buf.present())) {
            return;
        }
        if (!call.arguments().toString().contentEquals(whole)) {
            diag.warn("stream-mismatch", "the deltas of a call's " + what + " built '" + preview(call.arguments())
                    + "' but the final event says '" + preview(whole) + "'; the final value is kept");
            call.arguments().clear();
            call.arguments().append(whole);
        }
    }

    private void completed(ChoiceState choice, Map<String, Object> response) {
        List<Object> output = Values.asList(response.get("output"));
        if (output != null && (!output.isEmpty() || items.isEmpty())) {
            if (compare(output)) {
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

    /** Reports every difference between the deltas and the final output; true when there was one. */
    private boolean compare(List<Object> output) {
        boolean differs = items.size() != output.size();
        for (int i = 0; i < output.size(); i++) {
            Map<String, Object> raw = Values.asMap(output.get(i));
            Item built = items.get(i);
            if (raw == null) {
                continue;
            }
            String type = Values.stringAt(raw, "type");
            if (built == null) {
                if (!items.isEmpty()) {
                    diag.warn("stream-mismatch:item" + i, "stream-mismatch",
                            "the final response has an output item " + i + " (" + type + ") that no event announced");
                }
                differs = true;
                continue;
            }
            if (!String.valueOf(type).equals(built.type)) {
                diag.warn("stream-mismatch:item" + i, "stream-mismatch",
                        "output item " + i + " was a " + built.type + " in the stream but is a " + type + " in the final response");
                differs = true;
                continue;
            }
            String finalText = ResponsesOutput.textOf(raw);
            String builtText = built.text();
            if (finalText != null && builtText != null && !finalText.equals(builtText)) {
                diag.warn("stream-mismatch:item" + i, "stream-mismatch", "the deltas of output item " + i + " built '"
                        + preview(builtText) + "' but the final response says '" + preview(finalText) + "'");
                differs = true;
            }
            if (built.call != null) {
                String key = type.equals("custom_tool_call") ? "input" : "arguments";
                String finalArgs = Values.stringAt(raw, key);
                if (finalArgs != null && !finalArgs.equals(built.call.arguments().toString())
                        && !built.call.arguments().toString().isEmpty()) {
                    diag.warn("stream-mismatch:item" + i, "stream-mismatch", "the deltas of call " + i + " built arguments '"
                            + preview(built.call.arguments()) + "' but the final response says '" + preview(finalArgs) + "'");
                    differs = true;
                }
            }
        }
        if (items.size() > output.size()) {
            diag.warn("stream-mismatch:count", "stream-mismatch", "the stream announced " + items.size()
                    + " output items but the final response has " + output.size());
        }
        return differs;
    }

    /** Before each snapshot: without a final response, the output is what the deltas built. */
    private void publishOutput() {
        if (authoritative) {
            return;
        }
        List<Object> output = new ArrayList<>();
        for (Item item : items.values()) {
            output.add(ResponsesOutput.render(item.done != null ? item.done : item.raw, item));
        }
        assembly.extra().put("output", output);
    }

    private void providerError(ChunkFields e) {
        // Documented flat ({"type": "error", "code", "message", "param"}); sent nested as often ({"error": {...}}).
        Map<String, Object> error = e.map("error");
        if (error == null) {
            error = new LinkedHashMap<>();
            error.put("code", e.object("code"));
            error.put("message", e.object("message"));
            error.put("param", e.object("param"));
        }
        diag.warn("provider-error", "the stream carried an error event (" + error.get("code") + ": " + error.get("message") + ")");
        assembly.extra().put("error", error);
    }

    private Map<String, Object> required(ChunkFields e, String field) {
        Map<String, Object> value = e.map(field);
        if (value == null) {
            throw diag.unexpected("Expected an object for " + field + " in a " + e.type + " event but found none");
        }
        return value;
    }

    private static String preview(CharSequence text) {
        String s = text.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** One output item as the stream built it. */
    static final class Item {
        final int outputIndex;
        final Map<String, Object> raw;
        final String type;
        final String id;
        final Map<Integer, PartState> contents = new TreeMap<>();
        final Map<Integer, PartState> summaries = new TreeMap<>();
        ToolCallState call;
        PartState other;
        Map<String, Object> done;

        Item(int outputIndex, Map<String, Object> raw) {
            this.outputIndex = outputIndex;
            this.raw = raw;
            String t = Values.stringAt(raw, "type");
            this.type = t == null ? "message" : t;
            this.id = Values.stringAt(raw, "id");
        }

        /** The item's visible text as built (message text or reasoning summary), or null. */
        String text() {
            Map<Integer, PartState> source = type.equals("reasoning") ? summaries : contents;
            if (source.isEmpty()) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (PartState p : source.values()) {
                sb.append(p.text());
            }
            return sb.toString();
        }
    }
}
