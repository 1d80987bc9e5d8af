package io.streamfold.internal.core;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What formats derive from their own state for one snapshot (the Responses output built so far,
 * OpenRouter's reasoning details, Gemini's streamed arguments). It goes into the snapshot's own
 * copies, so taking a snapshot changes no state.
 */
public final class Published {

    private final Map<String, Object> extra;
    private Map<Integer, Map<String, Object>> choiceExtras;
    private Map<ToolCallState, String> arguments;

    Published(Map<String, Object> extra) {
        this.extra = new LinkedHashMap<>(extra);
    }

    /** A native top-level field of the snapshot. */
    public void extra(String key, Object value) {
        extra.put(key, value);
    }

    /** A native field of one choice of the snapshot. */
    public void choiceExtra(int choice, String key, Object value) {
        if (choiceExtras == null) {
            choiceExtras = new LinkedHashMap<>();
        }
        choiceExtras.computeIfAbsent(choice, i -> new LinkedHashMap<>()).put(key, value);
    }

    /** The arguments a call shows in the snapshot, in place of what streamed. */
    public void arguments(ToolCallState call, String whole) {
        if (arguments == null) {
            arguments = new IdentityHashMap<>();
        }
        arguments.put(call, whole);
    }

    Map<String, Object> extra() {
        return extra;
    }

    /** A choice's native fields: its own, and what was published for it. */
    Map<String, Object> choiceExtra(int choice, Map<String, Object> own) {
        Map<String, Object> added = choiceExtras == null ? null : choiceExtras.get(choice);
        if (added == null) {
            return own;
        }
        Map<String, Object> merged = own == null ? new LinkedHashMap<>() : new LinkedHashMap<>(own);
        merged.putAll(added);
        return merged;
    }

    /** The call's published arguments, or null. */
    String arguments(ToolCallState call) {
        return arguments == null ? null : arguments.get(call);
    }
}
