package io.streamfold.internal.format.bedrock;

import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.json.Read;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-streaming Converse response, {@code {"output": {"message": {role, content[]}}, "stopReason",
 * "usage", "metrics", ...}}: folded as the stream that would have carried it.
 */
final class BedrockOutput {

    /** Its top-level fields, in the wire's spelling. */
    static final Set<String> FIELDS = Set.of("output", "stopReason", "usage", "metrics", "additionalModelResponseFields",
            "trace", "performanceConfig");

    private BedrockOutput() {
    }

    static void fold(Assembly assembly, Map<String, Object> whole) {
        ChoiceState choice = assembly.choice(0);
        assembly.wholeResponse();
        Map<String, Object> message = Values.asMap(BedrockEvents.get(Values.asMap(whole.get("output")), "message"));
        choice.role(BedrockEvents.get(message, "role") instanceof String role ? role : "assistant");
        List<Object> content = Values.asList(BedrockEvents.get(message, "content"));
        for (int i = 0; content != null && i < content.size(); i++) {
            block(choice, Values.asMap(content.get(i)));
        }
        for (Map.Entry<String, Object> e : whole.entrySet()) {
            switch (e.getKey()) {
                case "output":
                case "stopReason":
                    break;
                case "usage":
                    assembly.usage(BedrockNames.camelKeys(Values.asMap(e.getValue())));
                    break;
                default:
                    assembly.extra().put(e.getKey(), e.getValue());
                    break;
            }
        }
        choice.finishReason(whole.get("stopReason") instanceof String reason ? reason : null);
        assembly.terminated();
    }

    private static void block(ChoiceState choice, Map<String, Object> block) {
        if (block == null) {
            return;
        }
        Map<String, Object> toolUse = Values.asMap(BedrockEvents.get(block, "toolUse"));
        Map<String, Object> reasoning = Values.asMap(BedrockEvents.get(block, "reasoningContent"));
        Object text = BedrockEvents.get(block, "text");
        if (text instanceof String s) {
            PartState part = choice.addPart(PartState.Kind.TEXT, "text");
            choice.appendText(part, s);
        } else if (toolUse != null) {
            ToolCallState call = choice.startToolCall(BedrockEvents.get(toolUse, "toolUseId") instanceof String id ? id : null,
                    "toolUse", BedrockEvents.get(toolUse, "name") instanceof String name ? name : null);
            Object input = BedrockEvents.get(toolUse, "input");
            call.setArguments(input == null ? "{}" : Read.json(input));
            choice.completeCall(call);
        } else if (reasoning != null) {
            PartState part = choice.addPart(PartState.Kind.REASONING, "reasoningContent");
            Map<String, Object> reasoningText = Values.asMap(BedrockEvents.get(reasoning, "reasoningText"));
            if (reasoningText != null) {
                choice.appendText(part, Values.textAt(reasoningText, "text"));
                part.setSignature(Values.stringAt(reasoningText, "signature"));
            }
            Object redacted = BedrockEvents.get(reasoning, "redactedContent");
            if (redacted != null) {
                part.extra().put("redactedContent", redacted);
            }
        } else {
            // an image, a document, a guard content, ...: kept as sent
            PartState part = choice.addPart(PartState.Kind.OTHER, block.keySet().stream().findFirst().orElse("content"));
            part.extra().putAll(block);
        }
    }
}
