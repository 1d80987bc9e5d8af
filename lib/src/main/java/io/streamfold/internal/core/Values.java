package io.streamfold.internal.core;

import io.streamfold.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain immutable Java objects: {@code Map<String, Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}/{@code BigDecimal}, {@code Boolean} and null. Used for the rare fields streamfold
 * keeps verbatim (usage, logprobs, native extras), so the library needs no databind. Reading and
 * writing them as JSON is {@code internal.json.JsonValues}'s job.
 */
public final class Values {

    private Values() {
    }

    /** Returns an unmodifiable, insertion-ordered copy that allows null values; empty for null. */
    public static <V> Map<String, V> immutableMap(Map<String, ? extends V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Returns the value at a dotted path ({@code "a.b.c"}) of nested maps, or null. */
    public static Object at(Map<String, ?> map, String dottedPath) {
        Object current = map;
        int start = 0;
        while (current instanceof Map<?, ?> m) {
            int dot = dottedPath.indexOf('.', start);
            String key = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            current = m.get(key);
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
        return null;
    }

    /** Returns the string value for the key, or "" when absent or not a string. */
    public static String textAt(Map<String, ?> map, String key) {
        String text = stringAt(map, key);
        return text == null ? "" : text;
    }

    /** Returns the string value for the key, or null when absent or not a string. */
    public static String stringAt(Map<String, ?> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof String s ? s : null;
    }

    /** A new mutable, ordered copy of a map value, nested maps and lists copied too (empty for anything that is not a map). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutableCopy(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) deepMutable(m) : new LinkedHashMap<>();
    }

    /** Maps and lists copied all the way down, so that nested values can be written too. */
    private static Object deepMutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepMutable(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepMutable(v)));
            return copy;
        }
        return value;
    }

    /** Returns the value as a map, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** Returns the value as a list, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : null;
    }

    /** A short description of a plain value for error messages: its kind, and the value when short. */
    public static String describe(Object value) {
        String kind = value == null ? "null" : value instanceof String ? "a string" : value instanceof Number ? "a number"
                : value instanceof Boolean ? "a boolean" : value instanceof List ? "a list" : value instanceof Map ? "an object"
                : value.getClass().getSimpleName();
        if (value == null) {
            return kind;
        }
        String text = String.valueOf(value);
        return text.length() <= 40 ? kind + " (" + text + ")" : kind;
    }

    /** The text cut to 60 characters for a message, with "..." when it was longer. */
    public static String preview(CharSequence text) {
        if (text == null || text.length() <= 60) {
            return String.valueOf(text);
        }
        return text.subSequence(0, 60) + "..."; // a text of megabytes is not made whole for its first words
    }
}
