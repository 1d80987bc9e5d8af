package io.streamfold.benchmarks;

import java.util.Map;
import java.util.Random;

/**
 * Anthropic Messages events as the API streams them, one plain map at a time: message_start and
 * a ping, a text block of deltas of 1 to 12 chars, then tool_use blocks (three by default) whose
 * input arrives as input_json_delta fragments (1 to 8 chars by default), a ping now and then, message_delta with the stop
 * reason and cumulative usage, and message_stop.
 */
final class AnthropicStream {

    private static final double TEXT_SHARE = 0.55;

    private final Random random;
    private final int toolBlocks;
    private final int maxFragment;
    private final Text text;
    private final String id;
    private int state; // 0 start, 1 ping, 2 text start, 3 text deltas, 4 tool blocks, 5 message_delta, 6 stop, 7 done
    private int block;
    private boolean blockOpen;
    private ToolArgs args;
    private int events;

    /** Three tool blocks with fragments of 1 to 8 chars. */
    AnthropicStream(Random random) {
        this(random, 3, 8);
    }

    AnthropicStream(Random random, int toolBlocks, int maxFragment) {
        this.random = random;
        this.toolBlocks = toolBlocks;
        this.maxFragment = maxFragment;
        this.text = new Text(random, false, 12);
        this.id = "msg_01" + hex(22);
    }

    /** The event name of a payload (the SSE {@code event:} line). */
    static String eventName(Map<String, Object> event) {
        return (String) event.get("type");
    }

    /** The next event, or null after the last; {@code progress} as in {@link ChatStream#next}. */
    Map<String, Object> next(double progress) {
        events++;
        switch (state) {
            case 0:
                state = 1;
                return Json.obj("type", "message_start", "message", Json.obj("id", id, "type", "message", "role",
                        "assistant", "model", "claude-sonnet-4-5-20250929", "content", java.util.List.of(),
                        "stop_reason", null, "stop_sequence", null, "usage", Json.obj("input_tokens", 472,
                                "cache_creation_input_tokens", 0, "cache_read_input_tokens", 0, "output_tokens", 1)));
            case 1:
                state = 2;
                return Json.obj("type", "ping");
            case 2:
                state = 3;
                blockOpen = true;
                return Json.obj("type", "content_block_start", "index", 0, "content_block",
                        Json.obj("type", "text", "text", ""));
            case 3:
                if (progress >= (toolBlocks == 0 ? 1 : TEXT_SHARE)) {
                    state = 4;
                    return stop();
                }
                return occasionalPing() ? Json.obj("type", "ping")
                        : delta(Json.obj("type", "text_delta", "text", text.next()));
            case 4:
                return toolEvent(progress);
            case 5:
                state = 6;
                return Json.obj("type", "message_delta", "delta", Json.obj("stop_reason", toolBlocks > 0 ? "tool_use" : "end_turn",
                        "stop_sequence", null), "usage", Json.obj("output_tokens", events));
            case 6:
                state = 7;
                return Json.obj("type", "message_stop");
            default:
                return null;
        }
    }

    private Map<String, Object> toolEvent(double progress) {
        if (!blockOpen) {
            if (block == toolBlocks || (block > 0 && progress >= 1)) {
                state = 5;
                return next(progress);
            }
            block++;
            blockOpen = true;
            args = new ToolArgs(random, block, maxFragment, false);
            return Json.obj("type", "content_block_start", "index", block, "content_block", Json.obj("type",
                    "tool_use", "id", "toolu_01" + hex(22), "name", args.name(), "input", Json.obj()));
        }
        double end = TEXT_SHARE + (1 - TEXT_SHARE) * block / toolBlocks;
        if (progress >= end) {
            args.close();
        }
        if (occasionalPing()) {
            return Json.obj("type", "ping");
        }
        String fragment = args.next();
        if (fragment == null) {
            return stop();
        }
        return delta(Json.obj("type", "input_json_delta", "partial_json", fragment));
    }

    private Map<String, Object> delta(Map<String, Object> delta) {
        return Json.obj("type", "content_block_delta", "index", block, "delta", delta);
    }

    private Map<String, Object> stop() {
        blockOpen = false;
        return Json.obj("type", "content_block_stop", "index", block);
    }

    private boolean occasionalPing() {
        return random.nextInt(5000) == 0;
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
