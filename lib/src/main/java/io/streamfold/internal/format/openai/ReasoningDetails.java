package io.streamfold.internal.format.openai;

import io.streamfold.internal.core.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenRouter's {@code delta.reasoning_details}: items ({@code reasoning.text}, {@code .summary},
 * {@code .encrypted}) streamed in pieces that share an {@code index}. Pieces of one item join:
 * their text, summary and data concatenate, and any other field takes its first non-null value
 * (a signature comes with the last piece). An item without an index is one whole item.
 */
final class ReasoningDetails {

    static final String KEY = "reasoning_details";

    private ReasoningDetails() {
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> choiceExtra, Object details) {
        if (!(details instanceof List<?> items)) {
            choiceExtra.put(KEY, details); // not the documented shape: kept as sent
            return;
        }
        List<Object> folded = choiceExtra.get(KEY) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> piece = Values.asMap(item);
            Map<String, Object> into = piece == null ? null : itemAt(folded, piece.get("index"));
            if (into == null) {
                folded.add(piece == null ? item : new LinkedHashMap<>(piece));
                continue;
            }
            for (Map.Entry<String, Object> e : piece.entrySet()) {
                String key = e.getKey();
                Object value = e.getValue();
                if ((key.equals("text") || key.equals("summary") || key.equals("data"))
                        && into.get(key) instanceof String before && value instanceof String more) {
                    into.put(key, before + more);
                } else if (into.get(key) == null) {
                    into.put(key, value);
                }
            }
        }
        choiceExtra.put(KEY, folded);
    }

    /** The folded item with this index, or null (no index: a new item). */
    private static Map<String, Object> itemAt(List<Object> folded, Object index) {
        if (!(index instanceof Number n)) {
            return null;
        }
        for (Object item : folded) {
            Map<String, Object> m = Values.asMap(item);
            if (m != null && m.get("index") instanceof Number i && i.longValue() == n.longValue()) {
                return m;
            }
        }
        return null;
    }
}
