package io.streamfold.internal.neutral;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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
        return (Map<String, V>) value(map);
    }

    /** An unmodifiable deep copy of a list that allows null elements; empty for null. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(List<?> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return (List<Object>) value(list);
    }

    /**
     * A deep copy of a map or list (keys as strings); other values as they are. Nested values
     * are copied with a stack of our own, not by recursion, so any depth the parser's limits
     * allowed is copied.
     */
    public static Object value(Object value) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return value;
        }
        ArrayDeque<Copy> open = new ArrayDeque<>();
        Object root = open(value, open);
        while (!open.isEmpty()) {
            Copy top = open.peek();
            if (!top.source.hasNext()) {
                open.pop();
                continue;
            }
            Object item = top.source.next();
            if (top.target instanceof Map<?, ?>) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                top.put(String.valueOf(e.getKey()), open(e.getValue(), open));
            } else {
                top.put(null, open(item, open));
            }
        }
        return root;
    }

    /** A scalar as it is; a container's unmodifiable copy, to be filled from the stack. */
    private static Object open(Object value, ArrayDeque<Copy> open) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> target = new LinkedHashMap<>(m.size() * 4 / 3 + 1);
            open.push(new Copy(m.entrySet().iterator(), target));
            return Collections.unmodifiableMap(target);
        }
        if (value instanceof List<?> l) {
            List<Object> target = new ArrayList<>(l.size());
            open.push(new Copy(l.iterator(), target));
            return Collections.unmodifiableList(target);
        }
        return value;
    }

    /** A container being copied: what is left of its source, and the copy being filled. */
    private static final class Copy {
        final Iterator<?> source;
        final Object target;

        Copy(Iterator<?> source, Object target) {
            this.source = source;
            this.target = target;
        }

        @SuppressWarnings("unchecked")
        void put(String key, Object value) {
            if (target instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(key, value);
            } else {
                ((List<Object>) target).add(value);
            }
        }
    }
}
