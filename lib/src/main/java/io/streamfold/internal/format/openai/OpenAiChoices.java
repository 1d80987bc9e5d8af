package io.streamfold.internal.format.openai;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Folds OpenAI Chat Completions and legacy Completions chunks: reads each choice whole (its
 * {@code index} may follow its {@code delta}), then merges it into the core.
 */
public final class OpenAiChoices {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final ChoiceScratch scratch = new ChoiceScratch();
    private final KeyOrder choiceKeys = new KeyOrder();
    private final KeyOrder deltaKeys = new KeyOrder();
    private final KeyOrder fragmentKeys = new KeyOrder();
    private final KeyOrder functionKeys = new KeyOrder();
    /** The chat merge rules' state, per choice index. */
    private ChatToolCalls[] toolCalls = new ChatToolCalls[1];

    public OpenAiChoices(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        assembly.responses().resetting(() -> {
            toolCalls = new ChatToolCalls[1];
            if (reasoningDetails != null) {
                reasoningDetails.clear();
            }
        });
    }

    /** Reads a chunk's {@code choices} array; the parser stands on its first token. */
    public void readChoices(JsonParser p) throws IOException {
        if (!Read.startArray(p, diag, "choices")) {
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw diag.expected("an object", "a choice");
            }
            scratch.reset();
            readChoice(p, scratch);
            apply(scratch);
        }
    }

    /** OpenRouter's structured reasoning per choice, published into the choice at each snapshot. */
    private Map<Integer, ReasoningDetails> reasoningDetails;

    private ReasoningDetails reasoningDetails(int choice) {
        if (reasoningDetails == null) {
            reasoningDetails = new java.util.TreeMap<>();
            assembly.publisher(out -> reasoningDetails.forEach(
                    (i, details) -> out.choiceExtra(i, ReasoningDetails.KEY, details.published())));
        }
        return reasoningDetails.computeIfAbsent(choice, i -> new ReasoningDetails());
    }

    private void readChoice(JsonParser p, ChoiceScratch s) throws IOException {
        for (String name = choiceKeys.first(p); name != null; name = choiceKeys.next(p)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue; // every field of a choice treats null as absent
            }
            // Interned names: the two every chunk has are tested by identity before the switch.
            if (name == "delta") {
                readDelta(p, s, "delta");
                continue;
            }
            if (name == "index") {
                s.index = Read.index(p, diag, "index", Assembly.MAX_INDEX);
                continue;
            }
            switch (name) {
                case "message":
                    // A non-streaming chat.completion: the whole message is its choice's one delta.
                    assembly.wholeResponse();
                    readDelta(p, s, "message");
                    break;
                case "text":
                    s.rare = true;
                    Read.text(p, s.text, diag, "text");
                    break;
                case "finish_reason":
                    s.finishReason = Read.string(p, diag, "finish_reason");
                    break;
                case "logprobs":
                    if (t != JsonToken.VALUE_NULL) {
                        s.logprobs = Read.object(p, diag, "logprobs");
                    }
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
    }

    private void readDelta(JsonParser p, ChoiceScratch s, String field) throws IOException {
        if (!Read.startObject(p, diag, field)) {
            return;
        }
        s.sawDelta = true;
        for (String name = deltaKeys.first(p); name != null; name = deltaKeys.next(p)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue; // every field of a delta treats null as absent
            }
            if (name == "content" && t == JsonToken.VALUE_STRING) {
                s.content.appendText(p); // the hot path of a text stream
                continue;
            }
            switch (name) {
                case "content":
                    if (t == JsonToken.START_ARRAY) {
                        readContentParts(p, s);
                    } else {
                        Read.text(p, s.content, diag, "content");
                    }
                    break;
                case "role":
                    s.role = Read.string(p, diag, "role");
                    break;
                case "tool_calls":
                    readToolCalls(p, s);
                    break;
                case "refusal":
                    s.rare = true;
                    Read.text(p, s.refusal, diag, "refusal");
                    break;
                case "reasoning_content":
                    s.rare = true;
                    Read.text(p, s.reasoningContent, diag, "reasoning_content");
                    break;
                case "reasoning":
                    s.rare = true;
                    Read.text(p, s.reasoning, diag, "reasoning");
                    break;
                case "reasoning_details":
                    s.rare = true;
                    s.reasoningDetails = JsonValues.read(p);
                    break;
                case "function_call":
                    s.rare = true;
                    readFunctionCall(p, s);
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
    }

    /** Content sent as a list of parts (Mistral): text parts are content, thinking parts reasoning. */
    private void readContentParts(JsonParser p, ChoiceScratch s) throws IOException {
        s.rare = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Map<String, Object> part = Values.asMap(JsonValues.read(p));
            if (part == null) {
                throw diag.expected("an object", "a content part");
            }
            Object type = part.get("type");
            if ("text".equals(type) && part.get("text") instanceof String text) {
                s.content.append(text);
            } else if ("thinking".equals(type)) {
                appendThinking(part.get("thinking"), s.reasoningContent);
            } else {
                diag.warn("content-part-kept:" + type, "content-part-skipped",
                        "a content part of type '" + type + "' has no place in a chat message and was not folded");
            }
        }
    }

    private static void appendThinking(Object thinking, CharBuf into) {
        if (thinking instanceof String text) {
            into.append(text);
        } else if (thinking instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("text") instanceof String text) {
                    into.append(text);
                }
            }
        }
    }

    private void readToolCalls(JsonParser p, ChoiceScratch s) throws IOException {
        if (!Read.startArray(p, diag, "tool_calls")) {
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw diag.expected("an object", "a tool call");
            }
            ToolFragment f = s.nextFragment();
            for (String name = fragmentKeys.first(p); name != null; name = fragmentKeys.next(p)) {
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NULL) {
                    continue; // every field of a fragment treats null as absent
                }
                if (name == "function" && v == JsonToken.START_OBJECT) {
                    readFunction(p, f.name, f.arguments); // the hot path of a tool-call stream
                    continue;
                }
                if (name == "index") {
                    f.index = toolCallIndex(p);
                    f.hasIndex = true;
                    continue;
                }
                switch (name) {
                    case "index":
                        f.index = toolCallIndex(p);
                        f.hasIndex = true;
                        break;
                    case "id":
                        Read.text(p, f.id, diag, "id");
                        break;
                    case "type":
                        f.type = Read.string(p, diag, "type");
                        break;
                    case "function":
                        if (Read.startObject(p, diag, "function")) {
                            readFunction(p, f.name, f.arguments);
                        }
                        break;
                    default:
                        // e.g. Gemini's OpenAI-compatible extra_content.google.thought_signature: kept on the call
                        f.other(name, JsonValues.read(p));
                        break;
                }
            }
        }
    }

    /**
     * A tool call's index is a key, not a position: -1 (GLM-4.5, Bedrock gateways) is one like any
     * other. Only one past {@link Assembly#MAX_INDEX} is refused, so a hostile value cannot size an array.
     */
    private int toolCallIndex(JsonParser p) throws IOException {
        int index = Read.integer(p, diag, "index", -1);
        if (index > Assembly.MAX_INDEX) {
            throw diag.expected("a tool-call index up to " + Assembly.MAX_INDEX, "index");
        }
        return index;
    }

    private void readFunction(JsonParser p, CharBuf name, CharBuf arguments) throws IOException {
        for (String field = functionKeys.first(p); field != null; field = functionKeys.next(p)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            if (field == "arguments" && t == JsonToken.VALUE_STRING) {
                arguments.appendText(p);
                continue;
            }
            switch (field) {
                case "name":
                    Read.text(p, name, diag, "name");
                    break;
                case "arguments":
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        // Some servers send the arguments as JSON rather than as its text.
                        diag.warn("arguments-not-string", "tool-call arguments arrived as JSON, not as a string; kept as its text");
                        arguments.append(Read.json(JsonValues.read(p)));
                    } else {
                        Read.text(p, arguments, diag, "arguments");
                    }
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
    }

    private void readFunctionCall(JsonParser p, ChoiceScratch s) throws IOException {
        if (Read.startObject(p, diag, "function_call")) {
            s.sawFunctionCall = true;
            readFunction(p, s.functionName, s.functionArguments);
        }
    }

    private void apply(ChoiceScratch s) {
        int index = s.index;
        if (index < 0) {
            diag.warn("choice-without-index", "a choice without an index was folded as choice 0");
            index = 0;
        }
        if (s.text.present() && !s.sawDelta) {
            assembly.refine(Format.OPENAI_COMPLETION);
        }
        if (s.role != null || !s.sawDelta) {
            assembly.responses().choiceOpens(); // under a new id after a finished response: the next response
        }
        ChoiceState choice = assembly.choice(index);
        choice.role(s.role);
        applyReasoning(choice, s);
        if (s.reasoningDetails != null) {
            reasoningDetails(index).merge(s.reasoningDetails);
        }
        if (s.content.present()) {
            choice.appendContent(s.content);
        }
        if (s.text.present()) {
            boolean deltaSaidNothing = !s.content.present() && !s.reasoning.present() && !s.reasoningContent.present()
                    && !s.refusal.present() && s.fragmentCount == 0 && !s.sawFunctionCall;
            if (!s.sawDelta || (deltaSaidNothing && !s.text.isEmpty())) {
                choice.appendContent(s.text); // a legacy completion's text, or the only text a chat choice has
            } else if (s.content.present() && !s.text.contentEquals(s.content)) {
                // Together repeats delta.content as the choice's text; the delta is what chat folds.
                diag.warn("choice-text-differs", "a chat choice carried a text different from its delta's content; the delta's was kept"
                        + " (text: '" + s.text + "')");
            }
        }
        if (s.refusal.present()) {
            choice.appendRefusal(s.refusal);
        }
        if (s.fragmentCount > 0) {
            ChatToolCalls calls = toolCalls(index, choice);
            for (int i = 0; i < s.fragmentCount; i++) {
                calls.merge(s.fragments.get(i));
            }
        }
        if (s.sawFunctionCall) {
            applyFunctionCall(choice, s);
        }
        if (s.logprobs != null) {
            choice.addLogprobs(s.logprobs);
        }
        choice.finishReason(s.finishReason);
    }

    /** vLLM may send {@code reasoning} and {@code reasoning_content} with the same text: fold it once. */
    private void applyReasoning(ChoiceState choice, ChoiceScratch s) {
        boolean both = s.reasoning.present() && s.reasoningContent.present();
        if (both) {
            if (!s.reasoning.contentEquals(s.reasoningContent)) {
                diag.warn("reasoning-fields-differ",
                        "a delta carried both reasoning and reasoning_content with different text; reasoning_content was kept");
            }
            choice.appendReasoning("reasoning_content", s.reasoningContent);
        } else if (s.reasoningContent.present()) {
            choice.appendReasoning("reasoning_content", s.reasoningContent);
        } else if (s.reasoning.present()) {
            choice.appendReasoning("reasoning", s.reasoning);
        }
    }

    /** The deprecated {@code function_call}: one call per choice, named once, arguments concatenated. */
    private void applyFunctionCall(ChoiceState choice, ChoiceScratch s) {
        ToolCallState call = null;
        for (ToolCallState c : choice.calls()) {
            if ("function_call".equals(c.type())) {
                call = c;
            }
        }
        if (call == null) {
            if (s.functionName.isEmpty() && s.functionArguments.isEmpty()) {
                return;
            }
            call = choice.startToolCall(null, "function_call", s.functionName.isEmpty() ? null : s.functionName.toString());
        } else if (!s.functionName.isEmpty() && !s.functionName.contentEquals(call.name())) {
            call.name(call.name() == null ? s.functionName.toString() : call.name() + s.functionName);
        }
        choice.appendArguments(call, s.functionArguments);
    }

    private ChatToolCalls toolCalls(int index, ChoiceState choice) {
        if (index >= toolCalls.length) {
            toolCalls = java.util.Arrays.copyOf(toolCalls, Math.max(index + 1, toolCalls.length * 2));
        }
        ChatToolCalls calls = toolCalls[index];
        if (calls == null) {
            calls = new ChatToolCalls(choice, diag);
            toolCalls[index] = calls;
        }
        return calls;
    }
}
