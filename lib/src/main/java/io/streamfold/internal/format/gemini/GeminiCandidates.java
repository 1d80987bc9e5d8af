package io.streamfold.internal.format.gemini;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds Gemini {@code streamGenerateContent} chunks, snake_case (Python SDK) or camelCase (REST):
 * per candidate, consecutive text parts of the same kind join, whole function calls stay their
 * own part, and streamed function-call arguments ({@code partial_args}) build one args object.
 */
final class GeminiCandidates {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final CandidateScratch scratch = new CandidateScratch();
    /** Per candidate index: the function call whose arguments are still streaming, if any. */
    private final Map<Integer, StreamedCall> streaming = new LinkedHashMap<>();

    /** True once a camelCase Gemini key was seen in the chunk, false once a snake_case one was; null when neither. */
    Boolean camel;
    private final KeyOrder candidateKeys = new KeyOrder();
    private final KeyOrder contentKeys = new KeyOrder();
    private final KeyOrder partKeys = new KeyOrder();

    GeminiCandidates(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        // Streamed arguments are written out when a snapshot asks, not at every piece.
        assembly.publisher(out -> streaming.values().forEach(call -> call.publish(out)));
        assembly.responses().resetting(streaming::clear);
    }

    /** Reads a chunk's {@code candidates}; the parser stands on its first token. */
    void readCandidates(JsonParser p) throws IOException {
        if (!Read.startArray(p, diag, "candidates")) {
            return;
        }
        int position = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw diag.expected("an object", "a candidate");
            }
            scratch.reset();
            readCandidate(p, scratch);
            apply(scratch, position++);
        }
    }

    private void readCandidate(JsonParser p, CandidateScratch s) throws IOException {
        for (String name = candidateKeys.first(p); name != null; name = candidateKeys.next(p)) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "index":
                    s.index = Read.integer(p, diag, "index", -1);
                    break;
                case "content":
                    readContent(p, s);
                    break;
                case "finish_reason":
                    camel = Boolean.FALSE;
                    s.finishReason = Read.string(p, diag, name);
                    break;
                case "finishReason":
                    camel = Boolean.TRUE;
                    s.finishReason = Read.string(p, diag, name);
                    break;
                default:
                    if (t != JsonToken.VALUE_NULL) {
                        s.extra(name, JsonValues.read(p));
                    }
                    break;
            }
        }
    }

    private void readContent(JsonParser p, CandidateScratch s) throws IOException {
        if (!Read.startObject(p, diag, "content")) {
            return;
        }
        for (String name = contentKeys.first(p); name != null; name = contentKeys.next(p)) {
            p.nextToken();
            switch (name) {
                case "role":
                    s.role = Read.string(p, diag, "role");
                    break;
                case "parts":
                    if (Read.startArray(p, diag, "parts")) {
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t != JsonToken.START_OBJECT) {
                                throw diag.expected("an object", "a part");
                            }
                            readPart(p, s.nextPart());
                        }
                    }
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
    }

    private void readPart(JsonParser p, PartScratch part) throws IOException {
        for (String name = partKeys.first(p); name != null; name = partKeys.next(p)) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "text":
                    Read.text(p, part.text, diag, "text");
                    break;
                case "thought":
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
                        part.thought = t == JsonToken.VALUE_TRUE;
                    } else {
                        part.other(name, JsonValues.read(p)); // not a flag: kept as sent
                    }
                    break;
                case "thought_signature":
                case "thoughtSignature":
                    part.signatureKey = name;
                    part.signature = Read.string(p, diag, name);
                    break;
                case "function_call":
                case "functionCall":
                    part.functionCall = Read.object(p, diag, name);
                    break;
                default:
                    if (t != JsonToken.VALUE_NULL) {
                        part.other(name, JsonValues.read(p));
                    }
                    break;
            }
        }
    }

    private void apply(CandidateScratch s, int position) {
        int index = s.index >= 0 ? s.index : position;
        ChoiceState choice = assembly.choice(index);
        choice.role(s.role);
        for (int i = 0; i < s.partCount; i++) {
            applyPart(choice, s.parts.get(i));
        }
        if (s.extra != null) {
            for (Map.Entry<String, Object> e : s.extra.entrySet()) {
                mergeExtra(choice.extra(), e.getKey(), e.getValue());
            }
        }
        if (s.finishReason != null) {
            StreamedCall open = streaming.remove(index);
            if (open != null) {
                complete(choice, open);
            }
            choice.finishReason(s.finishReason);
        }
    }

    /**
     * A candidate's other fields: the last chunk's value stands (safety ratings, grounding), except
     * citations, which each chunk gives for its own text: their sources are collected, each once.
     */
    private static void mergeExtra(Map<String, Object> extra, String key, Object value) {
        Map<String, Object> before = key.equals("citationMetadata") || key.equals("citation_metadata")
                ? Values.asMap(extra.get(key)) : null;
        Map<String, Object> now = Values.asMap(value);
        if (before == null || now == null) {
            extra.put(key, value);
            return;
        }
        Map<String, Object> merged = new LinkedHashMap<>(before);
        for (Map.Entry<String, Object> e : now.entrySet()) {
            if (merged.get(e.getKey()) instanceof List<?> old && e.getValue() instanceof List<?> added) {
                List<Object> union = new ArrayList<>(old);
                for (Object item : added) {
                    if (!union.contains(item)) {
                        union.add(item);
                    }
                }
                merged.put(e.getKey(), union);
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        extra.put(key, merged);
    }

    private void applyPart(ChoiceState choice, PartScratch part) {
        if (part.functionCall != null) {
            applyFunctionCall(choice, part);
            return;
        }
        StreamedCall open = streaming.remove(choice.index());
        if (open != null) {
            complete(choice, open); // the call is over once something else follows it
        }
        if (!part.text.present() && part.others != null) {
            // inline data, code execution, ...: kept as sent
            String type = part.others.keySet().iterator().next();
            PartState other = choice.addPart(PartState.Kind.OTHER, type);
            other.extra().putAll(part.others);
            if (part.thought) {
                other.extra().put("thought", true); // a thought image: not part of the answer
            }
            putSignature(other, part);
            return;
        }
        if (!part.text.present() && part.signature == null) {
            return; // an empty part: nothing to fold
        }
        PartState.Kind kind = part.thought ? PartState.Kind.REASONING : PartState.Kind.TEXT;
        PartState last = choice.lastPart();
        // A late signature rides on an empty part; it joins the text before it unless that has one already.
        boolean joins = last != null && last.kind() == kind && part.others == null
                && !(part.signature != null && last.signature() != null);
        PartState target = joins ? last : choice.addPart(kind, part.thought ? "thought" : "text");
        choice.appendText(target, part.text);
        putSignature(target, part);
        if (part.others != null) {
            target.extra().putAll(part.others);
        }
    }

    private static void putSignature(PartState target, PartScratch part) {
        if (part.signature != null) {
            target.setSignature(part.signature);
            target.extra().put(part.signatureKey, part.signature);
        }
    }

    private void applyFunctionCall(ChoiceState choice, PartScratch part) {
        Map<String, Object> fc = part.functionCall;
        String name = Values.stringAt(fc, "name");
        Object args = fc.get("args");
        Object partialArgs = either(fc, "partial_args", "partialArgs");
        if (partialArgs != null && !(partialArgs instanceof List)) {
            // before anything is started: lenient mode skips this part whole
            throw diag.unexpected("Expected a list for functionCall.partialArgs but found " + Values.describe(partialArgs));
        }
        if (partialArgs instanceof List<?> items) {
            StreamedCall.checkTypes(items, diag);
        }
        boolean willContinue = Boolean.TRUE.equals(either(fc, "will_continue", "willContinue"));
        StreamedCall open = streaming.get(choice.index());

        if (open != null && name == null && args == null) {
            // A continuation of the streamed call, or the part that closes it.
            if (partialArgs instanceof List<?> items) {
                open.apply(items, diag);
            }
            if (part.signature != null) {
                open.call.extra().put(part.signatureKey, part.signature);
            }
            if (!willContinue) {
                // An empty functionCall closes the call; so does the last piece when the terminator never comes.
                streaming.remove(choice.index());
                complete(choice, open);
            }
            return;
        }
        List<ToolCallState> calls = choice.calls();
        if (name == null && args == null && partialArgs == null && fc.get("id") == null && !calls.isEmpty()) {
            // The terminator of a streamed call that its last piece already closed: nothing new but a signature.
            if (part.signature != null) {
                calls.get(calls.size() - 1).extra().put(part.signatureKey, part.signature);
            }
            return;
        }
        if (open != null) {
            streaming.remove(choice.index());
            complete(choice, open);
        }
        ToolCallState call = choice.startToolCall(Values.stringAt(fc, "id"), "function", name);
        if (part.signature != null) {
            call.extra().put(part.signatureKey, part.signature);
        }
        for (String key : new String[] {"thought_signature", "thoughtSignature"}) {
            if (fc.get(key) instanceof String nested) {
                call.extra().put(key, nested); // Gemini 2.x nests the signature in the call
            }
        }
        if (willContinue || partialArgs != null) {
            StreamedCall streamed = new StreamedCall(call, args);
            if (partialArgs instanceof List<?> items) {
                streamed.apply(items, diag);
            }
            if (willContinue) {
                streaming.put(choice.index(), streamed);
            } else {
                complete(choice, streamed);
            }
        } else {
            call.setArguments(args == null ? "{}" : Read.json(args));
            choice.completeCall(call);
        }
    }

    /** Whether a functionCall or partialArgs item has the field, in either spelling (Python SDK or REST). */
    static boolean has(Map<String, Object> fields, String snake, String camel) {
        return fields.containsKey(snake) || fields.containsKey(camel);
    }

    /** The field of a functionCall or partialArgs item in either spelling, snake_case first. */
    static Object either(Map<String, Object> fields, String snake, String camel) {
        return fields.containsKey(snake) ? fields.get(snake) : fields.get(camel);
    }

    private void complete(ChoiceState choice, StreamedCall streamed) {
        streamed.finish(diag);
        choice.completeCall(streamed.call);
    }
}
