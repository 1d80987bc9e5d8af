package io.streamfold.internal.neutral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, null-tolerant immutable copies of the plain JSON values the API returns (maps, lists,
 * scalars): a folder may keep mutable maps and lists while it folds, and nothing the user gets
 * may change afterwards, at any depth.
 */
public final class Immutable {

    private Immutable() {
    }

    /** An unmodifiable, insertion-ordered deep copy that allows null values; empty for null. */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> map(Map<String, ? extends V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
        for (Map.Entry<String, ? extends V> e : map.entrySet()) {
            copy.put(e.getKey(), (V) value(e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable deep copy of a list that allows null elements; empty for null. */
    public static List<Object> list(List<?> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>(list.size());
        for (Object item : list) {
            copy.add(value(item));
        }
        return Collections.unmodifiableList(copy);
    }

    /** A deep copy of a map or list (keys as strings); other values as they are. */
    public static Object value(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return Map.of();
            }
            Map<String, Object> copy = new LinkedHashMap<>(m.size() * 4 / 3 + 1);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(String.valueOf(e.getKey()), value(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> l) {
            return list(l);
        }
        return value;
    }
}
