package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Returns shared String constants for the small, closed sets of values a stream repeats on every
 * chunk (roles, finish reasons, event types), so reading them allocates nothing. Other values
 * become new Strings.
 */
public final class KnownStrings {

    private static final String[] KNOWN = {
        // roles and finish reasons
        "assistant", "model", "user", "tool", "system", "developer",
        "stop", "length", "tool_calls", "content_filter", "function_call", "end_turn", "tool_use",
        "max_tokens", "stop_sequence", "pause_turn", "refusal", "STOP", "MAX_TOKENS", "SAFETY", "RECITATION",
        "OTHER", "FINISH_REASON_UNSPECIFIED", "MALFORMED_FUNCTION_CALL", "function",
        // Anthropic events and deltas
        "message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta",
        "message_stop", "ping", "error", "text_delta", "thinking_delta", "signature_delta", "input_json_delta",
        "citations_delta", "text", "thinking", "redacted_thinking", "server_tool_use",
        // Responses events
        "response.created", "response.in_progress", "response.queued", "response.output_item.added",
        "response.output_item.done", "response.content_part.added", "response.content_part.done",
        "response.output_text.delta", "response.output_text.done", "response.output_text.annotation.added",
        "response.refusal.delta", "response.refusal.done", "response.function_call_arguments.delta",
        "response.function_call_arguments.done", "response.reasoning_summary_part.added",
        "response.reasoning_summary_part.done", "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done", "response.reasoning_text.delta", "response.reasoning_text.done",
        "response.custom_tool_call_input.delta", "response.custom_tool_call_input.done", "response.completed",
        "response.incomplete", "response.failed",
        // Gemini Interactions events
        "interaction.start", "interaction.complete", "interaction.status_update", "content.start",
        "content.delta", "content.stop", "thought", "thought_signature", "thought_summary",
        // object names
        "chat.completion.chunk", "text_completion", "chat.completion",
    };

    /** Open addressing over a cheap hash of length and three characters: one or two probes a value. */
    private static final String[] TABLE = new String[512];

    static {
        for (String s : KNOWN) {
            int slot = hash(s, 0, s.length());
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            TABLE[slot] = s;
        }
    }

    private static int hash(CharSequence chars, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int h = length * 31 + chars.charAt(offset) * 7 + chars.charAt(offset + length - 1) * 13
                + chars.charAt(offset + length / 2);
        return h & (TABLE.length - 1);
    }

    private static int hash(char[] chars, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int h = length * 31 + chars[offset] * 7 + chars[offset + length - 1] * 13 + chars[offset + length / 2];
        return h & (TABLE.length - 1);
    }

    private KnownStrings() {
    }

    /** Returns the parser's current string value, shared when it is a known one. */
    public static String read(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        String known = lookup(chars, offset, length);
        return known != null ? known : new String(chars, offset, length);
    }

    static String lookup(char[] chars, int offset, int length) {
        probing:
        for (int slot = hash(chars, offset, length); TABLE[slot] != null; slot = (slot + 1) & (TABLE.length - 1)) {
            String s = TABLE[slot];
            if (s.length() != length) {
                continue;
            }
            for (int i = 0; i < length; i++) {
                if (s.charAt(i) != chars[offset + i]) {
                    continue probing;
                }
            }
            return s;
        }
        return null;
    }
}
