package io.streamfold.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * OpenAI Responses events as the API streams them, one plain map at a time: response.created and
 * response.in_progress, a message whose text arrives in output_text deltas of 1 to 10 chars, then
 * function calls (three by default) whose arguments arrive in thousands of
 * function_call_arguments deltas, each item closed by its done events, and response.completed
 * with the whole output and usage, as the API repeats it.
 */
final class ResponsesStream {

    private static final double TEXT_SHARE = 0.55;
    private static final String MODEL = "gpt-4.1-2025-04-14";

    private final Random random;
    private final int calls;
    private final Text text;
    private final String id;
    private final String messageId;
    private final StringBuilder message = new StringBuilder();
    private final List<Map<String, Object>> output = new ArrayList<>();
    private int state; // 0 created, 1 in_progress, 2 message added, 3 part added, 4 text deltas, 5 calls, 6 completed, 7 done
    private int sequence;
    private int call;
    private boolean callOpen;
    private ToolArgs args;
    private String callItem;
    private String callId;
    private final StringBuilder arguments = new StringBuilder();
    private final List<Map<String, Object>> pending = new ArrayList<>();

    ResponsesStream(Random random) {
        this(random, 3);
    }

    ResponsesStream(Random random, int calls) {
        this.random = random;
        this.calls = calls;
        this.text = new Text(random, false, 10);
        this.id = "resp_" + hex(48);
        this.messageId = "msg_" + hex(48);
    }

    /** The event name of a payload (the SSE {@code event:} line). */
    static String eventName(Map<String, Object> event) {
        return (String) event.get("type");
    }

    /** The next event, or null after the last; {@code progress} as in {@link ChatStream#next}. */
    Map<String, Object> next(double progress) {
        if (!pending.isEmpty()) {
            return numbered(pending.remove(0));
        }
        switch (state) {
            case 0:
                state = 1;
                return numbered(Json.obj("type", "response.created", "response", response("in_progress", List.of(), null)));
            case 1:
                state = 2;
                return numbered(Json.obj("type", "response.in_progress", "response", response("in_progress", List.of(), null)));
            case 2:
                state = 3;
                return numbered(Json.obj("type", "response.output_item.added", "output_index", 0, "item",
                        messageItem("in_progress", List.of())));
            case 3:
                state = 4;
                return numbered(Json.obj("type", "response.content_part.added", "item_id", messageId, "output_index", 0,
                        "content_index", 0, "part", outputText("")));
            case 4:
                if (progress >= (calls == 0 ? 1 : TEXT_SHARE)) {
                    state = 5;
                    closeMessage();
                    return next(progress);
                }
                String delta = text.next();
                message.append(delta);
                return numbered(Json.obj("type", "response.output_text.delta", "item_id", messageId, "output_index", 0,
                        "content_index", 0, "delta", delta, "logprobs", List.of()));
            case 5:
                return callEvent(progress);
            case 6:
                state = 7;
                return numbered(Json.obj("type", "response.completed", "response", response("completed", output,
                        Json.obj("input_tokens", 312, "input_tokens_details", Json.obj("cached_tokens", 0),
                                "output_tokens", sequence, "output_tokens_details", Json.obj("reasoning_tokens", 0),
                                "total_tokens", 312 + sequence))));
            default:
                return null;
        }
    }

    private void closeMessage() {
        String whole = message.toString();
        pending.add(Json.obj("type", "response.output_text.done", "item_id", messageId, "output_index", 0,
                "content_index", 0, "text", whole, "logprobs", List.of()));
        pending.add(Json.obj("type", "response.content_part.done", "item_id", messageId, "output_index", 0,
                "content_index", 0, "part", outputText(whole)));
        Map<String, Object> item = messageItem("completed", List.of(outputText(whole)));
        pending.add(Json.obj("type", "response.output_item.done", "output_index", 0, "item", item));
        output.add(item);
    }

    private Map<String, Object> callEvent(double progress) {
        if (!callOpen) {
            if (call == calls) {
                state = 6;
                return next(progress);
            }
            call++;
            callOpen = true;
            args = new ToolArgs(random, call % ToolArgs.TOOLS.length, 8, false);
            callItem = "fc_" + hex(48);
            callId = "call_" + hex(24);
            arguments.setLength(0);
            return numbered(Json.obj("type", "response.output_item.added", "output_index", call, "item",
                    callItem("in_progress", "")));
        }
        double end = TEXT_SHARE + (1 - TEXT_SHARE) * call / calls;
        if (progress >= end) {
            args.close();
        }
        String fragment = args.next();
        if (fragment == null) {
            callOpen = false;
            String whole = arguments.toString();
            Map<String, Object> item = callItem("completed", whole);
            output.add(item);
            pending.add(Json.obj("type", "response.output_item.done", "output_index", call, "item", item));
            return numbered(Json.obj("type", "response.function_call_arguments.done", "item_id", callItem,
                    "output_index", call, "arguments", whole));
        }
        arguments.append(fragment);
        return numbered(Json.obj("type", "response.function_call_arguments.delta", "item_id", callItem,
                "output_index", call, "delta", fragment));
    }

    private Map<String, Object> numbered(Map<String, Object> event) {
        event.put("sequence_number", sequence++);
        return event;
    }

    private Map<String, Object> response(String status, List<Map<String, Object>> items, Map<String, Object> usage) {
        return Json.obj("id", id, "object", "response", "created_at", 1755627762, "status", status, "error", null,
                "incomplete_details", null, "model", MODEL, "output", items, "parallel_tool_calls", true,
                "temperature", 1.0, "tool_choice", "auto", "usage", usage, "metadata", Json.obj());
    }

    private Map<String, Object> messageItem(String status, List<Map<String, Object>> content) {
        return Json.obj("id", messageId, "type", "message", "status", status, "content", content, "role", "assistant");
    }

    private static Map<String, Object> outputText(String text) {
        return Json.obj("type", "output_text", "annotations", List.of(), "logprobs", List.of(), "text", text);
    }

    private Map<String, Object> callItem(String status, String whole) {
        return Json.obj("id", callItem, "type", "function_call", "status", status, "arguments", whole, "call_id", callId,
                "name", args.name());
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
