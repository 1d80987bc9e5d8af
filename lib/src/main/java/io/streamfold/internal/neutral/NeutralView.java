package io.streamfold.internal.neutral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.ProviderError;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A completion as the same plain tree for every format ({@link Completion#toNeutralJson()}): the
 * first choice's text, reasoning, refusal and tool calls (arguments parsed) at the top, the
 * neutral finish reason and usage counts, the provider's error; the other choices, when there are
 * several, under {@code other_choices}. The semantic diff compares these trees, and its JSON
 * pointers point into them.
 */
public final class NeutralView {

    private static final JsonFactory FACTORY = new JsonFactory();

    private NeutralView() {
    }

    public static Map<String, Object> of(Completion c) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", c.format() == null ? null : c.format().wireName());
        tree.put("id", c.id());
        tree.put("model", c.model());
        tree.put("created", c.created());
        tree.put("system_fingerprint", c.systemFingerprint());
        tree.put("streamed", c.streamed());
        tree.put("incomplete", c.incomplete());
        tree.put("finish_reason", name(c.finishReason()));
        tree.put("raw_finish_reason", c.rawFinishReason());
        Message m = c.message();
        choiceContent(tree, m);
        tree.put("usage", usage(c.usage()));
        tree.put("error", c.error().map(NeutralView::error).orElse(null));
        if (c.choices().size() > 1) {
            List<Object> others = new ArrayList<>();
            for (Choice choice : c.choices().subList(1, c.choices().size())) {
                Map<String, Object> other = new LinkedHashMap<>();
                other.put("index", choice.index());
                other.put("finish_reason", name(choice.finishReason()));
                other.put("raw_finish_reason", choice.rawFinishReason());
                choiceContent(other, choice.message());
                others.add(other);
            }
            tree.put("other_choices", others);
        }
        return tree;
    }

    /** The tree as compact JSON. */
    public static String json(Completion c) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            JsonValues.write(g, of(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void choiceContent(Map<String, Object> into, Message m) {
        into.put("text", m == null || m.content() == null ? "" : m.content());
        into.put("reasoning", m == null || m.reasoning() == null ? "" : m.reasoning());
        into.put("refusal", m == null ? null : m.refusal());
        into.put("tool_calls", m == null ? List.of() : calls(m.toolCalls()));
        into.put("server_tool_calls", m == null ? List.of() : calls(m.serverToolCalls()));
    }

    private static List<Object> calls(List<ToolCall> calls) {
        List<Object> list = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", call.id());
            one.put("name", call.name());
            one.put("kind", call.kind().name().toLowerCase(Locale.ROOT));
            one.put("arguments", arguments(call));
            list.add(one);
        }
        return list;
    }

    /** The arguments as the JSON value they are; as text when they are none (cut, free-form). */
    static Object arguments(ToolCall call) {
        String text = call.arguments();
        if (call.kind() == ToolCall.Kind.CUSTOM) {
            return text;
        }
        if (text.isBlank()) {
            return Map.of();
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            p.nextToken();
            Object value = JsonValues.read(p);
            return p.nextToken() == null ? value : text;
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    private static Map<String, Object> usage(Usage usage) {
        if (usage == null) {
            return null;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("input_tokens", usage.inputTokens());
        counts.put("output_tokens", usage.outputTokens());
        counts.put("total_tokens", usage.totalTokens());
        counts.put("reasoning_tokens", usage.reasoningTokens());
        counts.put("cached_input_tokens", usage.cachedInputTokens());
        counts.put("cache_write_tokens", usage.cacheWriteTokens());
        return counts;
    }

    private static Map<String, Object> error(ProviderError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", e.type());
        error.put("code", e.code());
        error.put("message", e.message());
        return error;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
