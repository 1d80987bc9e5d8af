package io.streamfold.internal.format.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and folds Ollama chunks into choice 0: {@code message.content} / {@code response} and
 * {@code message.thinking} / {@code thinking} concatenated, each {@code message.tool_calls} item a
 * whole call (its {@code function.arguments} object kept as JSON text), and the final
 * {@code done: true} chunk's {@code done_reason}, counts and durations.
 */
final class OllamaChunks implements ChunkFolder {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final KeyOrder messageKeys = new KeyOrder();

    private boolean any;
    private String model;
    private String role;
    private final CharBuf content = new CharBuf();
    private final CharBuf thinking = new CharBuf();
    private boolean generate;
    private List<Object> toolCalls;
    private boolean done;
    private String doneReason;
    private Map<String, Object> counts;
    private Map<String, Object> kept;

    OllamaChunks(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
    }

    @Override
    public void beginChunk() {
        any = false;
        model = null;
        role = null;
        content.reset();
        thinking.reset();
        generate = false;
        toolCalls = null;
        done = false;
        doneReason = null;
        counts = null;
        kept = null;
    }

    @Override
    public boolean field(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        switch (name) {
            case "model":
                model = Read.string(p, diag, "model");
                break;
            case "message":
                if (Read.startObject(p, diag, "message")) {
                    message(p);
                }
                break;
            case "response":
                generate = true;
                Read.text(p, content, diag, "response");
                break;
            case "thinking":
                Read.text(p, thinking, diag, "thinking");
                break;
            case "done":
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) {
                    throw diag.expected("a boolean", "done");
                }
                done = t == JsonToken.VALUE_TRUE;
                break;
            case "done_reason":
                doneReason = Read.string(p, diag, "done_reason");
                break;
            case "created_at":
            case "context":
            case "remote_model":
            case "remote_host":
                keep(name, JsonValues.read(p));
                break;
            default:
                if (!OllamaFormat.COUNTS.contains(name)) {
                    return false;
                }
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NULL) {
                    throw diag.expected("a number", name);
                }
                if (counts == null) {
                    counts = new LinkedHashMap<>();
                }
                counts.put(name, JsonValues.read(p));
                break;
        }
        any = true;
        return true;
    }

    private void message(JsonParser p) throws IOException {
        for (String name = messageKeys.first(p); name != null; name = messageKeys.next(p)) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "role":
                    role = Read.string(p, diag, "message.role");
                    break;
                case "content":
                    Read.text(p, content, diag, "message.content");
                    break;
                case "thinking":
                    Read.text(p, thinking, diag, "message.thinking");
                    break;
                case "tool_calls":
                    if (Read.startArray(p, diag, "message.tool_calls")) {
                        toolCalls = Values.asList(JsonValues.read(p));
                    }
                    break;
                default:
                    break; // images, tool_name: nothing an answer carries
            }
        }
    }

    private void keep(String name, Object value) {
        if (kept == null) {
            kept = new LinkedHashMap<>();
        }
        kept.put(name, value);
    }

    @Override
    public boolean endChunk() {
        if (!any) {
            return false;
        }
        if (generate) {
            assembly.refine(Format.OLLAMA_GENERATE);
        }
        if (assembly.finished()) {
            assembly.responses().next(); // a chunk after done: Ollama has no other boundary
        }
        ChoiceState choice = assembly.choice(0);
        assembly.model(model);
        choice.role(role);
        if (kept != null) {
            assembly.extra().putAll(kept);
        }
        if (thinking.present()) {
            choice.appendReasoning("thinking", thinking);
        }
        if (content.present()) {
            choice.appendContent(content);
        }
        if (toolCalls != null) {
            for (Object item : toolCalls) {
                call(choice, Values.asMap(item));
            }
        }
        if (counts != null) {
            assembly.mergeUsage(counts);
        }
        if (done) {
            // Ollama before done_reason ended every stream this way: a finished answer.
            choice.finishReason(doneReason != null ? doneReason : "stop");
        }
        return true;
    }

    /** Each item is a whole call; its arguments come as an object (older builds: a JSON string). */
    private void call(ChoiceState choice, Map<String, Object> item) {
        if (item == null) {
            throw diag.unexpected("Expected an object for each item of message.tool_calls but found another value");
        }
        Map<String, Object> function = Values.asMap(item.get("function"));
        if (function == null) {
            throw diag.unexpected("Expected an object for message.tool_calls[].function but found none");
        }
        ToolCallState call = choice.startToolCall(Values.stringAt(item, "id"), Values.stringAt(item, "type"),
                Values.stringAt(function, "name"));
        Object arguments = function.get("arguments");
        call.setArguments(arguments == null ? "{}" : arguments instanceof String s ? s : Read.json(arguments));
        if (function.get("index") != null) {
            call.extra().put("index", function.get("index"));
        }
        choice.completeCall(call);
    }
}
