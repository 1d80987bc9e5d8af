package io.streamfold.writer;

import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a completion says that a stream in the target format carries: the text, the reasoning, the
 * refusal, the calls (id, name, arguments as compact JSON), the finish reason and the usage counts.
 * Two completions that fold from the same content give equal views.
 */
final class NeutralView {

    private NeutralView() {
    }

    /** The view of both, side by side: {@code [actual, expected]}; the finish only where the target carries the source's. */
    static List<Map<String, Object>> pair(Completion actual, Completion source, Format target) {
        FinishReason expected = source.finishReason();
        boolean finish = expected != null && carries(target, expected)
                && !(expected == FinishReason.TOOL_CALLS && source.message().toolCalls().isEmpty() && saysToolCallsByCalls(target));
        Map<String, Object> a = of(actual, target, finish);
        Map<String, Object> e = of(source, target, finish);
        if (source.message() != null && source.message().toolCalls().stream().anyMatch(c -> c.id() == null)) {
            a.remove("ids"); // the writer makes up the ids a stream needs where the source had none
            e.remove("ids");
        }
        Usage u = source.usage();
        boolean sendsTotal = target != Format.ANTHROPIC_MESSAGES && target != Format.COHERE_CHAT
                && target != Format.OLLAMA_CHAT && target != Format.OLLAMA_GENERATE;
        if (u != null && !sendsTotal && u.totalTokens() != null && u.inputTokens() != null && u.outputTokens() != null
                && u.totalTokens() != u.inputTokens() + u.outputTokens()) {
            a.remove("total"); // the target has no total: input + output is its total
            e.remove("total");
        }
        return List.of(a, e);
    }

    static Map<String, Object> of(Completion c, Format target, boolean finish) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("text", c.text());
        if (target != Format.OPENAI_COMPLETION) {
            view.put("reasoning", c.reasoning());
        }
        if (target == Format.OPENAI_CHAT || target == Format.OPENAI_RESPONSES) {
            view.put("refusal", c.message() == null || c.message().refusal() == null ? "" : c.message().refusal());
        }
        if (target != Format.OPENAI_COMPLETION && target != Format.OLLAMA_GENERATE && c.message() != null) {
            List<String> calls = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (ToolCall call : c.message().toolCalls()) {
                calls.add(call.name() + " " + json(call));
                ids.add(call.id());
            }
            view.put("calls", calls);
            view.put("ids", ids);
        }
        if (finish) {
            view.put("finish", c.finishReason());
        }
        if (target == Format.OPENAI_CHAT || target == Format.OPENAI_COMPLETION || target == Format.GEMINI) {
            List<String> choices = new ArrayList<>(); // the formats with several choices carry every one
            for (io.streamfold.Choice choice : c.choices()) {
                String text = choice.message().content() == null ? "" : choice.message().content();
                choices.add(choice.index() + ": " + text + (finish ? " (" + choice.finishReason() + ")" : ""));
            }
            view.put("choices", choices);
        }
        Usage u = c.usage();
        if (u != null) {
            view.put("input", u.inputTokens());
            view.put("output", u.outputTokens());
            view.put("total", u.totalTokens());
            if (target == Format.OPENAI_CHAT || target == Format.OPENAI_RESPONSES || target == Format.GEMINI
                    || target == Format.GEMINI_INTERACTIONS || target == Format.OPENAI_COMPLETION) {
                view.put("reasoningTokens", u.reasoningTokens());
            }
            if (target != Format.OLLAMA_CHAT && target != Format.OLLAMA_GENERATE) {
                view.put("cached", u.cachedInputTokens());
            }
            if (target == Format.OPENAI_CHAT || target == Format.OPENAI_COMPLETION || target == Format.ANTHROPIC_MESSAGES
                    || target == Format.BEDROCK_CONVERSE) {
                view.put("cacheWrite", u.cacheWriteTokens());
            }
        } else {
            view.put("usage", null);
        }
        return view;
    }

    /** The neutral finish reasons the target has a value of its own for (docs/FORMATS.md, "Writing streams"). */
    static boolean carries(Format target, FinishReason reason) {
        return switch (reason) {
            case STOP -> true;
            case TOOL_CALLS -> target != Format.OLLAMA_GENERATE;
            case LENGTH -> target != Format.GEMINI_INTERACTIONS;
            case CONTENT_FILTER -> target != Format.GEMINI_INTERACTIONS && target != Format.COHERE_CHAT
                    && target != Format.OLLAMA_CHAT && target != Format.OLLAMA_GENERATE;
            case ERROR -> target != Format.OLLAMA_CHAT && target != Format.OLLAMA_GENERATE && target != Format.BEDROCK_CONVERSE;
            case OTHER -> false;
        };
    }

    /** Formats whose finish says only "stop": the calls make it {@code TOOL_CALLS}. */
    static boolean saysToolCallsByCalls(Format target) {
        return target == Format.OPENAI_RESPONSES || target == Format.GEMINI || target == Format.OLLAMA_CHAT;
    }

    private static String json(ToolCall call) {
        if (call.arguments().isBlank()) {
            return "{}";
        }
        try {
            return call.argumentsAsJson();
        } catch (IllegalArgumentException e) {
            return call.arguments();
        }
    }
}
