package io.streamfold.internal.format.cohere;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Cohere event's {@code delta}, read as it streams: {@code message.content} ({@code type},
 * {@code text}, {@code thinking}), {@code message.tool_plan}, {@code message.tool_calls} (one
 * call object, {@code function.name} and {@code function.arguments}), {@code message.citations}
 * (kept whole), {@code finish_reason}, {@code usage} and {@code error}. The text lands in reused
 * buffers; {@code message-start}'s whole arrays are kept as values. Reused event after event.
 */
final class CohereDelta {

    String role;
    String contentType;
    final CharBuf text = new CharBuf();
    final CharBuf thinking = new CharBuf();
    final CharBuf toolPlan = new CharBuf();
    boolean hasCall;
    String callId;
    String callType;
    String callName;
    final CharBuf arguments = new CharBuf();
    /** A citation object (citation-start), or null. */
    Map<String, Object> citation;
    /** message-start's arrays ({@code content}, {@code tool_calls}), or null. */
    List<Object> startContent;
    List<Object> startCalls;
    String finishReason;
    Map<String, Object> usage;
    Object error;

    private final KeyOrder deltaKeys = new KeyOrder();
    private final KeyOrder messageKeys = new KeyOrder();
    private final KeyOrder contentKeys = new KeyOrder();
    private final KeyOrder callKeys = new KeyOrder();
    private final KeyOrder functionKeys = new KeyOrder();

    void reset() {
        role = null;
        contentType = null;
        text.reset();
        thinking.reset();
        toolPlan.reset();
        hasCall = false;
        callId = null;
        callType = null;
        callName = null;
        arguments.reset();
        citation = null;
        startContent = null;
        startCalls = null;
        finishReason = null;
        usage = null;
        error = null;
    }

    /** Reads the delta; the parser stands on its START_OBJECT. */
    void read(JsonParser p, Diagnostics diag) throws IOException {
        for (String name = deltaKeys.first(p); name != null; name = deltaKeys.next(p)) {
            p.nextToken();
            switch (name) {
                case "message":
                    if (Read.startObject(p, diag, "delta.message")) {
                        message(p, diag);
                    }
                    break;
                case "finish_reason":
                    finishReason = Read.string(p, diag, "delta.finish_reason");
                    break;
                case "usage":
                    usage = Read.object(p, diag, "delta.usage");
                    break;
                case "error":
                    error = JsonValues.read(p);
                    break;
                default:
                    break; // skipped by the key loop
            }
        }
    }

    private void message(JsonParser p, Diagnostics diag) throws IOException {
        for (String name = messageKeys.first(p); name != null; name = messageKeys.next(p)) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "role":
                    role = Read.string(p, diag, "delta.message.role");
                    break;
                case "content":
                    if (t == JsonToken.START_ARRAY) {
                        startContent = io.streamfold.internal.core.Values.asList(JsonValues.read(p));
                    } else if (Read.startObject(p, diag, "delta.message.content")) {
                        content(p, diag);
                    }
                    break;
                case "tool_plan":
                    Read.text(p, toolPlan, diag, "delta.message.tool_plan");
                    break;
                case "tool_calls":
                    if (t == JsonToken.START_ARRAY) {
                        startCalls = io.streamfold.internal.core.Values.asList(JsonValues.read(p));
                    } else if (Read.startObject(p, diag, "delta.message.tool_calls")) {
                        call(p, diag);
                    }
                    break;
                case "citations":
                    if (t == JsonToken.START_OBJECT) {
                        citation = Read.object(p, diag, "delta.message.citations");
                    }
                    break; // message-start's empty array, or null: nothing to fold
                default:
                    break;
            }
        }
    }

    private void content(JsonParser p, Diagnostics diag) throws IOException {
        for (String name = contentKeys.first(p); name != null; name = contentKeys.next(p)) {
            p.nextToken();
            switch (name) {
                case "type":
                    contentType = Read.string(p, diag, "delta.message.content.type");
                    break;
                case "text":
                    Read.text(p, text, diag, "delta.message.content.text");
                    break;
                case "thinking":
                    Read.text(p, thinking, diag, "delta.message.content.thinking");
                    break;
                default:
                    break;
            }
        }
    }

    private void call(JsonParser p, Diagnostics diag) throws IOException {
        hasCall = true;
        for (String name = callKeys.first(p); name != null; name = callKeys.next(p)) {
            p.nextToken();
            switch (name) {
                case "id":
                    callId = Read.string(p, diag, "delta.message.tool_calls.id");
                    break;
                case "type":
                    callType = Read.string(p, diag, "delta.message.tool_calls.type");
                    break;
                case "function":
                    if (Read.startObject(p, diag, "delta.message.tool_calls.function")) {
                        function(p, diag);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private void function(JsonParser p, Diagnostics diag) throws IOException {
        for (String name = functionKeys.first(p); name != null; name = functionKeys.next(p)) {
            p.nextToken();
            switch (name) {
                case "name":
                    callName = Read.string(p, diag, "delta.message.tool_calls.function.name");
                    break;
                case "arguments":
                    Read.text(p, arguments, diag, "delta.message.tool_calls.function.arguments");
                    break;
                default:
                    break;
            }
        }
    }
}
