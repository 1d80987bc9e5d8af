package io.streamfold.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.models.chat.completions.ChatCompletion;
import io.streamfold.Completion;
import io.streamfold.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * What a contender folded, reduced to what every contender can be compared on: the text, each
 * tool call's name and arguments (as canonical JSON), and the finish reason. The ratio runner
 * checks that the contenders agree before it times them.
 */
record Outputs(String content, List<String> calls, String finishReason) {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static Outputs of(Object result) {
        if (result instanceof Completion c) {
            List<String> calls = new ArrayList<>();
            for (ToolCall call : c.message().toolCalls()) {
                calls.add(call(call.name(), call.arguments()));
            }
            return new Outputs(c.message().content(), calls, c.rawFinishReason());
        }
        if (result instanceof ChatCompletion c) {
            ChatCompletion.Choice choice = c.choices().get(0);
            List<String> calls = new ArrayList<>();
            choice.message().toolCalls().ifPresent(list -> list.forEach(call -> calls.add(
                    call(call.asFunction().function().name(), call.asFunction().function().arguments()))));
            return new Outputs(choice.message().content().orElse(null), calls, choice.finishReason().asString());
        }
        if (result instanceof com.anthropic.models.messages.Message m) {
            StringBuilder text = new StringBuilder();
            List<String> calls = new ArrayList<>();
            for (com.anthropic.models.messages.ContentBlock block : m.content()) {
                block.text().ifPresent(t -> text.append(t.text()));
                block.toolUse().ifPresent(t -> calls.add(call(t.name(), anthropicJson(t._input()))));
            }
            return new Outputs(text.length() == 0 && m.content().isEmpty() ? null : text.toString(), calls,
                    m.stopReason().map(r -> r.asString()).orElse(null));
        }
        if (result instanceof Folded f) {
            List<String> calls = new ArrayList<>();
            f.calls.values().forEach(call -> calls.add(call(call.name, call.arguments.toString())));
            return new Outputs(f.content.length() == 0 && !calls.isEmpty() ? null : f.content.toString(), calls,
                    f.finishReason);
        }
        throw new IllegalArgumentException("no outputs for " + result.getClass());
    }

    private static String anthropicJson(Object input) {
        try {
            return com.anthropic.core.ObjectMappers.jsonMapper().writeValueAsString(input);
        } catch (Exception e) {
            return String.valueOf(input);
        }
    }

    private static String call(String name, String arguments) {
        String canonical;
        try {
            canonical = PLAIN.readTree(arguments).toString();
        } catch (Exception e) {
            canonical = "unparsable:" + arguments;
        }
        return name + "(" + canonical + ")";
    }

    /** A short description: sizes and hashes, not the text itself. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append("content ").append(content == null ? "null" : content.length() + " chars #"
                + Integer.toHexString(content.hashCode()));
        s.append(", ").append(calls.size()).append(" calls");
        for (String call : calls) {
            s.append(' ').append(call, 0, call.indexOf('(')).append('#').append(Integer.toHexString(call.hashCode()));
        }
        return s.append(", finish ").append(finishReason).toString();
    }
}
