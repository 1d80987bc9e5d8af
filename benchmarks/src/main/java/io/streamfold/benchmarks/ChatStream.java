package io.streamfold.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * OpenAI Chat Completions chunks as the API streams them, one plain map at a time, with every
 * field a real chunk has (nulls included). A text stream sends content deltas of 1 to 6 chars; a
 * tool stream sends parallel calls (four by default: indexes 0 to 3) one after another, each opened
 * by a header fragment (id, name) and followed by its arguments in fragments of 1 to 8 chars. Both end
 * with a finishing chunk and a usage chunk whose {@code choices} is empty.
 */
final class ChatStream {

    static final String CHUNK_TYPE = "openai.types.chat.chat_completion_chunk.ChatCompletionChunk";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;
    private final boolean tools;
    private final int callCount;
    private final int maxFragment;
    private final String id;
    private final String model = "gpt-4o-2024-08-06";
    private final String fingerprint;
    private final long created;
    private final Text text;
    private final List<ToolArgs> calls = new ArrayList<>();
    private int state; // 0 role, 1 deltas, 2 finish, 3 usage, 4 done
    private int chunks;

    /** A text stream, or a tool stream of four calls with fragments of 1 to 8 chars. */
    ChatStream(Random random, boolean tools) {
        this(random, tools, 4, 8);
    }

    /** A stream of {@code callCount} calls (0 for text) whose fragments are 1 to {@code maxFragment} chars. */
    ChatStream(Random random, boolean tools, int callCount, int maxFragment) {
        this.random = random;
        this.tools = tools;
        this.callCount = callCount;
        this.maxFragment = maxFragment;
        this.id = "chatcmpl-" + token(29);
        this.fingerprint = "fp_" + Integer.toHexString(0x10000000 + random.nextInt(0x0fffffff));
        this.created = 1_757_525_822L + random.nextInt(10_000_000);
        this.text = new Text(random, true, 6);
    }

    /**
     * The next chunk, or null after the last. {@code progress} is how much of the wanted size is
     * written (0 to 1): at 1 the stream closes; a tool stream moves to its next call each quarter.
     */
    Map<String, Object> next(double progress) {
        chunks++;
        switch (state) {
            case 0:
                state = 1;
                return chunk(choice(delta(tools ? null : "", "assistant", null), null), null);
            case 1:
                return tools ? toolChunk(progress) : textChunk(progress);
            case 2:
                state = 3;
                return chunk(choice(delta(null, null, null), tools ? "tool_calls" : "stop"), null);
            case 3:
                state = 4;
                Map<String, Object> usage = new LinkedHashMap<>();
                usage.put("completion_tokens", chunks);
                usage.put("prompt_tokens", 54);
                usage.put("total_tokens", chunks + 54);
                usage.put("completion_tokens_details", Json.obj("accepted_prediction_tokens", 0, "audio_tokens", 0,
                        "reasoning_tokens", 0, "rejected_prediction_tokens", 0));
                usage.put("prompt_tokens_details", Json.obj("audio_tokens", 0, "cached_tokens", 0));
                return chunk(List.of(), usage);
            default:
                return null;
        }
    }

    private Map<String, Object> textChunk(double progress) {
        if (progress >= 1) {
            state = 2;
            return next(progress);
        }
        return chunk(choice(delta(text.next(), null, null), null), null);
    }

    private Map<String, Object> toolChunk(double progress) {
        int wanted = Math.min(callCount - 1, (int) (progress * callCount));
        if (calls.isEmpty() || (wanted >= calls.size() && calls.size() < callCount && progress < 1)) {
            ToolArgs previous = calls.isEmpty() ? null : calls.get(calls.size() - 1);
            if (previous != null) {
                previous.close();
                String rest = previous.next();
                if (rest != null) {
                    return argumentsChunk(calls.size() - 1, rest);
                }
            }
            int index = calls.size();
            ToolArgs args = new ToolArgs(random, index, maxFragment, true);
            calls.add(args);
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("arguments", "");
            function.put("name", args.name());
            return chunk(choice(delta(null, null, List.of(toolCall(index, "call_" + token(24), function, "function"))),
                    null), null);
        }
        ToolArgs current = calls.get(calls.size() - 1);
        if (progress >= 1) {
            current.close();
        }
        String fragment = current.next();
        if (fragment == null) {
            state = 2;
            return next(progress);
        }
        return argumentsChunk(calls.size() - 1, fragment);
    }

    private Map<String, Object> argumentsChunk(int index, String fragment) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("arguments", fragment);
        function.put("name", null);
        return chunk(choice(delta(null, null, List.of(toolCall(index, null, function, null))), null), null);
    }

    private static Map<String, Object> toolCall(int index, String id, Map<String, Object> function, String type) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("index", index);
        call.put("id", id);
        call.put("function", function);
        call.put("type", type);
        return call;
    }

    private static Map<String, Object> delta(String content, String role, List<Object> toolCalls) {
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("content", content);
        delta.put("function_call", null);
        delta.put("refusal", null);
        delta.put("role", role);
        delta.put("tool_calls", toolCalls);
        return delta;
    }

    private static List<Object> choice(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        choice.put("index", 0);
        choice.put("logprobs", null);
        return List.of(choice);
    }

    private Map<String, Object> chunk(List<Object> choices, Map<String, Object> usage) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("choices", choices);
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", fingerprint);
        chunk.put("usage", usage);
        chunk.put("obfuscation", token(1 + random.nextInt(15)));
        return chunk;
    }

    boolean tools() {
        return tools;
    }

    /** A chunk as llama-stack stores it: in a typed envelope. */
    static Map<String, Object> envelope(Map<String, Object> chunk) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("__type__", CHUNK_TYPE);
        envelope.put("__data__", chunk);
        return envelope;
    }

    /** The request a llama-stack recording starts with. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "gpt-4o");
        body.put("messages", List.of(Json.obj("role", "user", "content",
                tools ? "File the weekly report: write the module, find late orders, insert them and mail finance."
                        : "Explain how streaming responses are folded back into a message, with an example.")));
        body.put("stream", true);
        body.put("stream_options", Json.obj("include_usage", true));
        if (tools) {
            List<Object> specs = new ArrayList<>();
            for (String name : ToolArgs.TOOLS) {
                specs.add(Json.obj("type", "function", "function", Json.obj("name", name, "description", "Tool " + name,
                        "parameters", Json.obj("type", "object", "properties", Json.obj()))));
            }
            body.put("tools", specs);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", "POST");
        request.put("url", "https://api.openai.com/v1/v1/chat/completions");
        request.put("headers", Json.obj());
        request.put("body", body);
        request.put("endpoint", "/v1/chat/completions");
        request.put("model", "gpt-4o");
        return request;
    }

    String token(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return s.toString();
    }
}
