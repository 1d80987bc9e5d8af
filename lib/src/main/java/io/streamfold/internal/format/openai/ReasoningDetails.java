package io.streamfold.internal.format.openai;

import io.streamfold.internal.core.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenRouter's {@code delta.reasoning_details} for one choice: items ({@code reasoning.text},
 * {@code .summary}, {@code .encrypted}) streamed in pieces that share an {@code index}. Pieces of
 * one item join: their text, summary and data concatenate (in builders: reasoning can be long),
 * and any other field takes its first non-null value (a signature comes with the last piece). An
 * item without an index is one whole item. {@link #published()} is an immutable copy, made only
 * when a snapshot asks for it.
 */
final class ReasoningDetails {

    static final String KEY = "reasoning_details";

    private static final List<String> JOINED = List.of("text", "summary", "data");

    /** One folded item: its fields in first-seen order, the joined ones as builders. */
    private static final class Item {
        final Map<String, Object> fields = new LinkedHashMap<>();
        final Object index;

        Item(Object index) {
            this.index = index;
        }
    }

    private final List<Object> items = new ArrayList<>(); // Items, or non-object entries kept as sent
    private Object unexpected; // a value that is no list: kept as sent

    void merge(Object details) {
        if (!(details instanceof List<?> list)) {
            unexpected = details;
            return;
        }
        for (Object entry : list) {
            Map<String, Object> piece = Values.asMap(entry);
            if (piece == null) {
                items.add(entry);
                continue;
            }
            Item into = itemAt(piece.get("index"));
            if (into == null) {
                into = new Item(piece.get("index"));
                items.add(into);
            }
            for (Map.Entry<String, Object> e : piece.entrySet()) {
                Object before = into.fields.get(e.getKey());
                if (JOINED.contains(e.getKey()) && e.getValue() instanceof String more) {
                    if (before instanceof StringBuilder text) {
                        text.append(more);
                    } else if (before == null) {
                        into.fields.put(e.getKey(), new StringBuilder(more));
                    }
                } else if (before == null) {
                    into.fields.put(e.getKey(), e.getValue());
                }
            }
        }
    }

    /** The folded items as plain immutable values, as a Completion holds them. */
    Object published() {
        if (unexpected != null && items.isEmpty()) {
            return unexpected;
        }
        List<Object> out = new ArrayList<>(items.size());
        for (Object entry : items) {
            if (entry instanceof Item item) {
                Map<String, Object> fields = new LinkedHashMap<>();
                item.fields.forEach((k, v) -> fields.put(k, v instanceof StringBuilder sb ? sb.toString() : v));
                out.add(Collections.unmodifiableMap(fields));
            } else {
                out.add(entry);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The folded item with this index, or null (no index: always a new item). */
    private Item itemAt(Object index) {
        if (!(index instanceof Number n)) {
            return null;
        }
        for (Object entry : items) {
            if (entry instanceof Item item && item.index instanceof Number i && i.longValue() == n.longValue()) {
                return item;
            }
        }
        return null;
    }
}
