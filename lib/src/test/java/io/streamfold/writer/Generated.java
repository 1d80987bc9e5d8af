package io.streamfold.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random chat completions: text with every kind of character, reasoning, refusals, calls, usage. */
final class Generated {

    private static final String[] WORDS = {"the", "weather", "in", "Paris", "is", "café", "naïve", "東京", "🐧", "😀",
        "\"quoted\"", "back\\slash", "tab\there", "line\nbreak", "\r\n", "  ", "42", "3.14", ",", ".", "!", "?", "{", "}",
        "[x]", "<b>", "&amp;", "\u00e9\u0301", "\u2028", "ünïcödé", "Ωmega", "x"};
    private static final String[] NAMES = {"get_weather", "search", "lookup_user", "send-email", "a"};

    private Generated() {
    }

    static Completion completion(long seed) {
        Random r = new Random(seed);
        boolean refuses = r.nextInt(8) == 0;
        String reasoning = r.nextInt(3) == 0 ? null : text(r, 1 + r.nextInt(30));
        String content = refuses ? null : r.nextInt(6) == 0 ? null : text(r, 1 + r.nextInt(60));
        String refusal = refuses ? text(r, 1 + r.nextInt(12)) : null;
        List<ToolCall> calls = new ArrayList<>();
        int n = refuses ? 0 : r.nextInt(4) == 0 ? 0 : r.nextInt(3);
        if (content == null && n == 0 && !refuses) {
            n = 1;
        }
        for (int i = 0; i < n; i++) {
            calls.add(new ToolCall(i, "call_" + Long.toHexString(r.nextLong() & 0xffffffL) + i, "function",
                    NAMES[r.nextInt(NAMES.length)], arguments(r)));
        }
        String finish = !calls.isEmpty() ? "tool_calls" : refuses ? "stop" : switch (r.nextInt(6)) {
            case 0 -> "length";
            case 1 -> "content_filter";
            default -> "stop";
        };
        FinishReason neutral = switch (finish) {
            case "tool_calls" -> FinishReason.TOOL_CALLS;
            case "length" -> FinishReason.LENGTH;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> refuses ? FinishReason.CONTENT_FILTER : FinishReason.STOP;
        };
        Message message = new Message("assistant", content, refusal, reasoning, calls);
        Choice choice = new Choice(0, message, neutral, finish, null);
        Usage usage = r.nextInt(5) == 0 ? null : usage(r);
        return new Completion(Format.OPENAI_CHAT, "chatcmpl-" + seed, "model-" + r.nextInt(9), 1700000000L + seed,
                null, null, List.of(choice), usage);
    }

    static String text(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0 && r.nextInt(3) != 0) {
                b.append(' ');
            }
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String arguments(Random r) {
        int fields = r.nextInt(4);
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                b.append(r.nextBoolean() ? ", " : ",");
            }
            b.append('"').append("k").append(i).append("\":");
            switch (r.nextInt(5)) {
                case 0 -> b.append(r.nextInt(1000));
                case 1 -> b.append(r.nextBoolean());
                case 2 -> b.append("[1, \"two\", null]");
                case 3 -> b.append("{\"nested\": {\"deep\": \"x\\\"y\"}}");
                default -> b.append('"').append(text(r, 1 + r.nextInt(5)).replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\u2028", "\\u2028")).append('"');
            }
        }
        return b.append('}').toString();
    }

    private static Usage usage(Random r) {
        long input = 1 + r.nextInt(5000);
        long cached = r.nextBoolean() ? r.nextInt((int) input) : 0;
        long output = 1 + r.nextInt(900);
        long reasoning = r.nextBoolean() ? r.nextInt((int) output) : 0;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("prompt_tokens", input);
        d.put("completion_tokens", output);
        d.put("total_tokens", input + output);
        d.put("completion_tokens_details", Map.of("reasoning_tokens", reasoning));
        d.put("prompt_tokens_details", Map.of("cached_tokens", cached));
        return Usage.of(Format.OPENAI_CHAT, d);
    }
}
