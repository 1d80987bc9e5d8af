package io.streamfold.internal.format.gemini;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.ChunkFields;
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
public final class GeminiCandidates {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final CandidateScratch scratch = new CandidateScratch();
    /** Per candidate index: the function call whose arguments are still streaming, if any. */
    private final Map<Integer, StreamedCall> streaming = new LinkedHashMap<>();

    public GeminiCandidates(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        // Streamed arguments are written out when a snapshot asks, not at every piece.
        assembly.beforeSnapshot(() -> streaming.values().forEach(StreamedCall::publish));
    }

    /** Reads a chunk's {@code candidates}; the parser stands on its first token. */
    public void readCandidates(JsonParser p, ChunkFields chunk) throws IOException {
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
            readCandidate(p, scratch, chunk);
            apply(scratch, position++);
        }
    }

    /** Folds the chunk's top-level fields once the whole chunk is read. */
    public void foldHeader(ChunkFields chunk) {
        if (chunk.responseId != null) {
            assembly.id(chunk.responseId);
            keep(chunk.geminiCamel, "responseId", "response_id", chunk.responseId);
        }
        if (chunk.modelVersion != null) {
            assembly.model(chunk.modelVersion);
            keep(chunk.geminiCamel, "modelVersion", "model_version", chunk.modelVersion);
        }
        if (chunk.createTime != null) {
            keep(chunk.geminiCamel, "createTime", "create_time", chunk.createTime);
        }
        if (chunk.promptFeedback != null) {
            keep(chunk.geminiCamel, "promptFeedback", "prompt_feedback", chunk.promptFeedback);
            Map<String, Object> feedback = Values.asMap(chunk.promptFeedback);
            if (feedback != null && (feedback.get("blockReason") != null || feedback.get("block_reason") != null)) {
                assembly.terminated(); // a blocked prompt ends the stream without candidates: not a truncation
            }
        }
        if (chunk.usageMetadata != null) {
            Map<String, Object> usage = Values.asMap(chunk.usageMetadata);
            if (usage == null) {
                throw diag.unexpected("Expected an object for usage_metadata");
            }
            assembly.usage(usage);
        }
    }

    private void keep(Boolean camel, String camelName, String snakeName, Object value) {
        Map<String, Object> extra = assembly.extra();
        String name = Boolean.TRUE.equals(camel) ? camelName : snakeName;
        extra.remove(Boolean.TRUE.equals(camel) ? snakeName : camelName);
        extra.put(name, value);
    }

    private void readCandidate(JsonParser p, CandidateScratch s, ChunkFields chunk) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "index":
                    s.index = Read.integer(p, diag, "index", -1);
                    break;
                case "content":
                    readContent(p, s);
                    break;
                case "finish_reason":
                    chunk.geminiCamel = Boolean.FALSE;
                    s.finishReason = Read.string(p, diag, name);
                    break;
                case "finishReason":
                    chunk.geminiCamel = Boolean.TRUE;
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
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
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
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "text":
                    Read.text(p, part.text, diag, "text");
                    break;
                case "thought":
                    part.thought = t == JsonToken.VALUE_TRUE;
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
    private static boolean has(Map<String, Object> fields, String snake, String camel) {
        return fields.containsKey(snake) || fields.containsKey(camel);
    }

    /** The field of a functionCall or partialArgs item in either spelling, snake_case first. */
    private static Object either(Map<String, Object> fields, String snake, String camel) {
        return fields.containsKey(snake) ? fields.get(snake) : fields.get(camel);
    }

    private void complete(ChoiceState choice, StreamedCall streamed) {
        streamed.finish(diag);
        choice.completeCall(streamed.call);
    }

    /**
     * A function call whose arguments arrive as {@code partial_args} items. A string that continues
     * over many items grows in a builder and the arguments are written as JSON only when the call
     * completes or a snapshot asks: a long argument streamed in small pieces stays linear.
     */
    private static final class StreamedCall {
        final ToolCallState call;
        final Map<String, Object> args;
        /** The path of a string value that continues in the next item. */
        String continuing;
        /** The string value being streamed, not yet written into {@link #args}, and its path. */
        StringBuilder pending;
        String pendingPath;

        StreamedCall(ToolCallState call, Object initialArgs) {
            this.call = call;
            this.args = Values.mutableCopy(initialArgs);
        }

        /** Writes the streamed string into the arguments; a path that cannot hold it is warned. */
        void flush(Diagnostics diag) {
            if (pending != null) {
                if (!JsonPaths.put(args, pendingPath, pending.toString())) {
                    unplaced(diag, pendingPath);
                }
                pending = null;
                pendingPath = null;
            }
        }

        /** The call is over: its arguments, whole. */
        void finish(Diagnostics diag) {
            flush(diag);
            call.setArguments(Read.json(args));
        }

        /** For a snapshot: the arguments so far, the string still streaming included. */
        void publish() {
            if (pending != null) {
                JsonPaths.put(args, pendingPath, pending.toString()); // rewritten at the next snapshot or flush
            }
            call.setArguments(Read.json(args));
        }

        private static void unplaced(Diagnostics diag, String path) {
            diag.warn("partial-arg-unplaced", "a streamed function-call argument at json_path '" + path
                    + "' has no place in the arguments built so far and was skipped");
        }

        /**
         * Fails on a string value that is not a string, before any of the part is folded (so
         * {@link #apply} may take every string value for one).
         */
        static void checkTypes(List<?> items, Diagnostics diag) {
            for (Object item : items) {
                Map<String, Object> arg = Values.asMap(item);
                if (arg != null && has(arg, "string_value", "stringValue")
                        && !(either(arg, "string_value", "stringValue") instanceof String)) {
                    throw diag.unexpected("Expected a string for partialArgs[].stringValue at " + path(arg) + " but found "
                            + Values.describe(either(arg, "string_value", "stringValue")));
                }
            }
        }

        private static String path(Map<String, Object> arg) {
            String path = Values.stringAt(arg, "json_path");
            return path != null ? path : Values.stringAt(arg, "jsonPath");
        }

        void apply(List<?> items, Diagnostics diag) {
            for (Object item : items) {
                Map<String, Object> arg = Values.asMap(item);
                if (arg == null) {
                    continue;
                }
                String path = path(arg);
                if (path == null) {
                    diag.warn("partial-arg-without-path", "a streamed function-call argument without json_path was skipped");
                    continue;
                }
                boolean willContinue = Boolean.TRUE.equals(either(arg, "will_continue", "willContinue"));
                boolean placed = true;
                if (has(arg, "string_value", "stringValue")) {
                    String piece = (String) either(arg, "string_value", "stringValue"); // checkTypes saw to it
                    if (pending != null && path.equals(continuing) && path.equals(pendingPath)) {
                        pending.append(piece);
                    } else {
                        flush(diag);
                        pending = new StringBuilder(piece);
                        pendingPath = path;
                    }
                } else {
                    flush(diag); // values land in the order they came
                    if (has(arg, "number_value", "numberValue")) {
                        placed = JsonPaths.put(args, path, either(arg, "number_value", "numberValue"));
                    } else if (has(arg, "bool_value", "boolValue")) {
                        placed = JsonPaths.put(args, path, either(arg, "bool_value", "boolValue"));
                    } else if (has(arg, "null_value", "nullValue")) {
                        placed = JsonPaths.put(args, path, null);
                    }
                }
                if (!placed) {
                    unplaced(diag, path);
                }
                continuing = willContinue ? path : null;
            }
        }
    }

    /** One part of one candidate of one chunk. */
    private static final class PartScratch {
        final CharBuf text = new CharBuf();
        boolean thought;
        String signature;
        String signatureKey;
        Map<String, Object> functionCall;
        Map<String, Object> others;

        void reset() {
            text.reset();
            thought = false;
            signature = null;
            signatureKey = null;
            functionCall = null;
            others = null;
        }

        void other(String name, Object value) {
            if (others == null) {
                others = new LinkedHashMap<>();
            }
            others.put(name, value);
        }
    }

    /** One candidate of one chunk, reused. */
    private static final class CandidateScratch {
        int index;
        String role;
        String finishReason;
        final List<PartScratch> parts = new ArrayList<>();
        int partCount;
        Map<String, Object> extra;

        void reset() {
            index = -1;
            role = null;
            finishReason = null;
            partCount = 0;
            extra = null;
        }

        PartScratch nextPart() {
            if (partCount == parts.size()) {
                parts.add(new PartScratch());
            }
            PartScratch part = parts.get(partCount++);
            part.reset();
            return part;
        }

        void extra(String name, Object value) {
            if (extra == null) {
                extra = new LinkedHashMap<>();
            }
            extra.put(name, value);
        }
    }

    /** The format a chunk with {@code candidates} has. */
    public static Format format() {
        return Format.GEMINI;
    }
}
