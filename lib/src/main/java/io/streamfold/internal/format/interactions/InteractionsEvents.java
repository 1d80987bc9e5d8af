package io.streamfold.internal.format.interactions;

import io.streamfold.internal.format.EventFolder;
import io.streamfold.internal.format.EventDelta;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds Gemini Interactions events into choice 0, in both dialects: {@code interaction.start},
 * {@code content.start/delta/stop}, {@code interaction.complete}, and the newer
 * {@code interaction.created}, {@code step.start/delta/stop}, {@code interaction.completed}.
 * Outputs are kept by {@code index}; the interaction's {@code status} is the finish reason.
 */
final class InteractionsEvents extends EventFolder<InteractionsEvent> {

    private static final Set<String> INTERACTION_FIELDS_MODELLED = Set.of("id", "model", "usage", "outputs", "steps",
            "role");

    private final Map<Integer, PartState> outputs = new HashMap<>();


    InteractionsEvents(Assembly assembly) {
        super(assembly, new InteractionsEvent());
        assembly.responses().resetting(outputs::clear);
    }

    @Override
    protected String endOfResponseStartedBy(String type) {
        return type.equals("interaction.start") || type.equals("interaction.created")
                ? "interaction.complete (or interaction.completed)" : null;
    }

    @Override
    protected void fold(InteractionsEvent e) {
        ChoiceState choice = assembly.choice(0);
        switch (e.type) {
            case "interaction.start":
            case "interaction.created":
                header(choice, e.required("interaction", diag));
                break;
            case "interaction.status_update":
                Object status = e.status != null ? e.status : e.object("status");
                if (status != null) {
                    assembly.extra().put("status", status);
                }
                break;
            case "content.start":
            case "step.start":
                start(choice, e.index(diag), e.map(e.type.startsWith("step") ? "step" : "content"));
                break;
            case "content.delta":
            case "step.delta":
                delta(choice, e.index(diag), e.delta);
                break;
            case "content.stop":
            case "step.stop":
                stop(choice, e.index(diag));
                break;
            case "interaction.complete":
            case "interaction.completed":
                complete(choice, e.required("interaction", diag));
                break;
            case "error":
                assembly.providerError(e.object("error"));
                break;
            default:
                unknown(e);
                break;
        }
    }

    private void header(ChoiceState choice, Map<String, Object> interaction) {
        assembly.id(Values.stringAt(interaction, "id"));
        assembly.model(Values.stringAt(interaction, "model"));
        choice.role(Values.stringAt(interaction, "role"));
        assembly.serviceTier(Values.stringAt(interaction, "service_tier"));
        for (Map.Entry<String, Object> f : interaction.entrySet()) {
            if (!INTERACTION_FIELDS_MODELLED.contains(f.getKey())) {
                assembly.extra().put(f.getKey(), f.getValue());
            }
        }
        assembly.usage(Values.asMap(interaction.get("usage")));
    }

    private void start(ChoiceState choice, int index, Map<String, Object> content) {
        choice.role("model"); // the stream names no role before interaction.complete; Gemini's is "model"
        String type = content == null ? null : Values.stringAt(content, "type");
        if (type == null) {
            type = "text";
        }
        PartState part;
        switch (type) {
            case "text":
            case "model_output":
                part = choice.addPart(PartState.Kind.TEXT, "text");
                choice.appendText(part, (content == null ? "" : Values.textAt(content, "text")));
                break;
            case "thought":
                part = choice.addPart(PartState.Kind.REASONING, "thought");
                part.setSignature(Values.stringAt(content, "signature"));
                break;
            case "function_call": {
                ToolCallState call = choice.startToolCall(Values.stringAt(content, "id"), "function_call",
                        Values.stringAt(content, "name"));
                Object args = content.get("arguments");
                if (args instanceof Map<?, ?> m && !m.isEmpty()) {
                    call.setArguments(Read.json(args));
                }
                part = choice.lastPart();
                break;
            }
            default:
                part = choice.addPart(PartState.Kind.OTHER, type);
                part.extra().putAll(content);
                break;
        }
        outputs.put(index, part);
    }

    private void delta(ChoiceState choice, int index, EventDelta delta) {
        String type = delta.type == null ? "text" : delta.type;
        if (!outputs.containsKey(index)) {
            diag.warn("output-without-start:" + index, "output-without-start",
                    "output " + index + " received a delta before its start; it was started implicitly");
            start(choice, index, Map.of("type", startTypeFor(type)));
        }
        PartState part = outputs.get(index);
        switch (type) {
            case "text":
                choice.appendText(part, delta.text);
                if (delta.other("annotations") instanceof List<?> annotations) {
                    annotations.forEach(a -> part.addToList("annotations", a));
                }
                break;
            case "text_annotation_delta":
                if (delta.other("annotations") instanceof List<?> annotations) {
                    annotations.forEach(a -> part.addToList("annotations", a));
                }
                break;
            case "thought_summary": {
                Map<String, Object> content = Values.asMap(delta.other("content"));
                Object text = content == null ? null : content.get("text");
                if (text instanceof String piece) {
                    choice.appendText(part, piece);
                } else if (text != null) {
                    throw diag.unexpected("Expected a string for delta.content.text but found " + Values.describe(text));
                }
                break;
            }
            case "thought_signature":
                part.setSignature(delta.signature.toString());
                break;
            case "function_call":
                functionCall(choice, part, delta);
                break;
            case "arguments_delta":
                if (part.call() != null) {
                    Object partial = delta.other("partial_arguments");
                    choice.appendArguments(part.call(), partial instanceof String s ? s : delta.arguments);
                }
                break;
            default:
                // images, audio, tool results: the latest whole value stands
                if (part.kind() == PartState.Kind.OTHER) {
                    part.extra().put("type", type);
                    if (delta.others != null) {
                        part.extra().putAll(delta.others);
                    }
                } else {
                    diag.warn("unknown-delta:" + type, "unknown-delta",
                            "a delta of type '" + type + "' for a " + part.type() + " output was skipped");
                }
                break;
        }
    }

    private static String startTypeFor(String deltaType) {
        switch (deltaType) {
            case "thought_summary":
            case "thought_signature":
                return "thought";
            case "function_call":
            case "arguments_delta":
                return "function_call";
            default:
                return "text";
        }
    }

    /** The content dialect sends a call whole: id, name and arguments as an object. */
    private void functionCall(ChoiceState choice, PartState part, EventDelta delta) {
        ToolCallState call = part.call();
        if (call == null) {
            return;
        }
        if (call.id() == null && delta.other("id") instanceof String id) {
            call.id(id);
        }
        if (call.name() == null && delta.other("name") instanceof String name) {
            call.name(name);
        }
        Object args = delta.other("arguments");
        if (args != null) {
            call.setArguments(Read.json(args));
        } else if (delta.arguments.present()) {
            choice.appendArguments(call, delta.arguments);
        }
    }

    private void stop(ChoiceState choice, int index) {
        PartState part = outputs.get(index);
        if (part != null && part.call() != null) {
            if (!part.call().hasArguments()) {
                part.call().setArguments("{}");
            }
            choice.completeCall(part.call());
        }
    }

    private void complete(ChoiceState choice, Map<String, Object> interaction) {
        header(choice, interaction);
        choice.role("model");
        List<Object> finalOutputs = Values.asList(interaction.get("outputs"));
        if (outputs.isEmpty() && finalOutputs != null) {
            // No deltas arrived: the final interaction's outputs are all there is.
            for (int i = 0; i < finalOutputs.size(); i++) {
                Map<String, Object> output = Values.asMap(finalOutputs.get(i));
                if (output != null) {
                    start(choice, i, output);
                }
            }
        }
        String status = Values.stringAt(interaction, "status");
        choice.finishReason(status != null ? status : "completed");
        assembly.terminated();
    }
}
