package io.streamfold.internal.format.bedrock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds ConverseStream events into choice 0. An event is the object's key: content blocks by
 * {@code contentBlockIndex} (text blocks start with their first delta, tool use with
 * {@code contentBlockStart}), reasoning text and signature, tool input pieces concatenated,
 * citations onto their block; {@code messageStop}'s {@code stopReason}; {@code metadata}'s usage and
 * metrics, before or after {@code messageStop}; an exception event is the provider's error.
 */
final class BedrockEvents implements ChunkFolder {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final BedrockDelta delta = new BedrockDelta();
    private final KeyOrder wrapperKeys = new KeyOrder();
    /** The chunk's events other than contentBlockDelta, by canonical name, read whole. */
    private final List<String> names = new ArrayList<>(1);
    private final List<Map<String, Object>> bodies = new ArrayList<>(1);
    private final List<PartState> blocks = new ArrayList<>();
    /** A non-streaming response's fields, when the chunk is one: by canonical name, read whole. */
    private Map<String, Object> whole;

    BedrockEvents(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        assembly.responses().resetting(blocks::clear);
    }

    @Override
    public void beginChunk() {
        delta.reset();
        names.clear();
        bodies.clear();
        whole = null;
    }

    @Override
    public boolean field(JsonParser p, String name) throws IOException {
        String event = name.equals("contentBlockDelta") ? name : BedrockNames.canonical(name);
        if (event.equals("contentBlockDelta")) {
            if (Read.startObject(p, diag, name)) {
                delta.read(p, diag);
            }
            return true;
        }
        if (event.equals("chunk") && p.currentToken() == JsonToken.START_OBJECT) {
            unwrap(p);
            return true;
        }
        if (BedrockOutput.FIELDS.contains(event)) {
            if (whole == null) {
                whole = new LinkedHashMap<>();
            }
            whole.put(event, io.streamfold.internal.json.JsonValues.read(p));
            return true;
        }
        if (!BedrockNames.isEvent(event, true)) {
            return false;
        }
        Map<String, Object> body = Read.object(p, diag, name);
        names.add(event);
        bodies.add(body == null ? Map.of() : body);
        return true;
    }

    /** {@code {"chunk": {"messageStart": {...}}}}: the event inside the wrapper some loggers add. */
    private void unwrap(JsonParser p) throws IOException {
        for (String name = wrapperKeys.first(p); name != null; name = wrapperKeys.next(p)) {
            p.nextToken();
            if (name.equals("bytes")) {
                throw diag.unexpected("Expected a ConverseStream event in chunk but found bytes: this is an"
                        + " InvokeModelWithResponseStream chunk (the model's own events, base64-encoded), not ConverseStream");
            }
            field(p, name);
        }
    }

    @Override
    public final boolean foldsAtEnd() {
        return true; // the chunk's delta and event lists, reset by beginChunk; all folding is in endChunk
    }

    @Override
    public boolean endChunk() {
        if (whole != null && !delta.present && names.isEmpty()) {
            BedrockOutput.fold(assembly, whole);
            return true;
        }
        if (names.contains("messageStart")) {
            assembly.responses().start("messageStart", "messageStop"); // a recording may hold several responses
        } else if (assembly.ended() && (delta.present || names.contains("contentBlockStart"))) {
            assembly.responses().next(); // content after messageStop: a response whose start was not logged
        }
        ChoiceState choice = assembly.choice(0);
        if (delta.present) {
            blockDelta(choice);
        }
        for (int i = 0; i < names.size(); i++) {
            fold(choice, names.get(i), bodies.get(i));
        }
        return delta.present || !names.isEmpty();
    }

    private void fold(ChoiceState choice, String event, Map<String, Object> body) {
        switch (event) {
            case "messageStart":
                choice.role(string(body, "role"));
                break;
            case "contentBlockStart":
                blockStart(choice, index(body, event), map(body, "start"));
                break;
            case "contentBlockStop":
                blockStop(choice, index(body, event));
                break;
            case "messageStop":
                Object fields = get(body, "additionalModelResponseFields");
                if (fields != null) {
                    assembly.extra().put("additionalModelResponseFields", fields);
                }
                choice.finishReason(string(body, "stopReason"));
                assembly.terminated();
                break;
            case "metadata":
                metadata(body);
                break;
            default: // an exception event
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("type", event);
                body.forEach((k, v) -> {
                    if (!k.equals("p")) {
                        error.put(BedrockNames.canonical(k), v);
                    }
                });
                assembly.providerError(error);
                break;
        }
    }

    private void blockStart(ChoiceState choice, int index, Map<String, Object> start) {
        Map<String, Object> toolUse = map(start, "toolUse");
        PartState part;
        if (toolUse != null) {
            ToolCallState call = choice.startToolCall(string(toolUse, "toolUseId"), "toolUse", string(toolUse, "name"));
            String type = string(toolUse, "type");
            if (type != null) {
                call.extra().put("type", type);
            }
            part = choice.lastPart();
        } else {
            // toolResult, image, ...: kept as sent
            part = choice.addPart(PartState.Kind.OTHER, start == null || start.isEmpty() ? "unknown" : start.keySet().iterator().next());
            if (start != null) {
                part.extra().putAll(start);
            }
        }
        set(index, part);
    }

    private void blockDelta(ChoiceState choice) {
        int index = delta.index;
        if (index < 0) {
            throw diag.unexpected("Expected a contentBlockIndex in a contentBlockDelta event but found none");
        }
        PartState part = index < blocks.size() ? blocks.get(index) : null;
        if (delta.input.present()) {
            if (part == null) {
                diag.warn("block-without-start:" + index, "block-without-start",
                        "content block " + index + " received toolUse input before contentBlockStart; it was started implicitly");
                choice.startToolCall(null, "toolUse", null);
                part = set(index, choice.lastPart());
            }
            if (part.call() == null) {
                throw diag.unexpected("Expected a toolUse block at index " + index + " for toolUse input but found a "
                        + part.type() + " block");
            }
            choice.appendArguments(part.call(), delta.input);
        }
        if (delta.reasoning.present() || delta.signature.present() || delta.redacted.present()) {
            if (part == null) {
                part = set(index, choice.addPart(PartState.Kind.REASONING, "reasoningContent"));
            }
            choice.appendText(part, delta.reasoning);
            if (delta.signature.present()) {
                String before = part.signature();
                part.setSignature(before == null ? delta.signature.toString() : before + delta.signature);
            }
            if (delta.redacted.present()) {
                Object before = part.extra().get("redactedContent");
                part.extra().put("redactedContent", (before == null ? "" : before.toString()) + delta.redacted);
            }
        }
        if (delta.text.present() || delta.citation != null) {
            if (part == null) {
                part = set(index, choice.addPart(PartState.Kind.TEXT, "text")); // text blocks have no start event
            }
            choice.appendText(part, delta.text);
            if (delta.citation != null) {
                part.addToList("citations", delta.citation);
            }
        }
        if (delta.others != null) {
            for (Map.Entry<String, Object> e : delta.others.entrySet()) {
                diag.warn("unknown-delta:" + e.getKey(), "unknown-delta",
                        "a contentBlockDelta of kind '" + e.getKey() + "' was kept on its block, not folded");
                if (part == null) {
                    part = set(index, choice.addPart(PartState.Kind.OTHER, e.getKey()));
                }
                part.addToList(e.getKey(), e.getValue());
            }
        }
    }

    private void blockStop(ChoiceState choice, int index) {
        PartState part = index < blocks.size() ? blocks.get(index) : null;
        if (part != null && part.call() != null) {
            ToolCallState call = part.call();
            if (call.arguments().length() == 0) {
                call.setArguments("{}"); // a tool with no input
            }
            choice.completeCall(call);
        }
    }

    private void metadata(Map<String, Object> body) {
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String name = BedrockNames.canonical(e.getKey());
            if (name.equals("usage")) {
                assembly.usage(BedrockNames.camelKeys(Values.asMap(e.getValue())));
            } else if (!name.equals("p")) {
                assembly.extra().put(name, e.getValue());
            }
        }
    }

    private PartState set(int index, PartState part) {
        if (index > blocks.size() + 10_000) {
            throw diag.unexpected("Expected a content block index near " + blocks.size() + " but found " + index);
        }
        while (blocks.size() <= index) {
            blocks.add(null);
        }
        blocks.set(index, part);
        return part;
    }

    private int index(Map<String, Object> body, String event) {
        Object value = get(body, "contentBlockIndex");
        if (!(value instanceof Integer i) || i < 0) {
            throw diag.unexpected("Expected a contentBlockIndex from 0 in a " + event + " event but found "
                    + Values.describe(value));
        }
        return i;
    }

    /** A field in any spelling. */
    static Object get(Map<String, Object> map, String camel) {
        if (map == null) {
            return null;
        }
        Object value = map.get(camel);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (BedrockNames.canonical(e.getKey()).equals(camel)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String string(Map<String, Object> map, String camel) {
        return get(map, camel) instanceof String s ? s : null;
    }

    private static Map<String, Object> map(Map<String, Object> map, String camel) {
        return Values.asMap(get(map, camel));
    }

}
