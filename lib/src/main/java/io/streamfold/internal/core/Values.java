package io.streamfold.internal.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain immutable Java objects: {@code Map<String, Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}/{@code BigDecimal}, {@code Boolean} and null. Used for the rare fields streamfold
 * keeps verbatim (usage, logprobs, native extras), so the library needs no databind.
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

    /** Reads the value at the parser's current token (which must be a value start) as a plain object. */
    public static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                p.nextToken();
                return readFields(p);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return p.getIntValue();
                    case LONG:
                        return p.getLongValue();
                    default:
                        return p.getBigIntegerValue();
                }
            case VALUE_NUMBER_FLOAT:
                if (p.isNaN()) {
                    return p.getDoubleValue(); // NaN and Infinity, which Python's json writes
                }
                // Doubles print back differently from their source for some values; decimals keep the digits.
                try {
                    return p.getDecimalValue();
                } catch (NumberFormatException e) {
                    // Valid JSON, but an exponent no BigDecimal holds (1e5555666...): a limit, located.
                    throw new StreamConstraintsException("Number value (" + preview(p.getText())
                            + ") exceeds the range a decimal can hold", p.currentTokenLocation());
                }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("Not at a value: " + t);
        }
    }

    /** Reads an object's fields from its first FIELD_NAME (or END_OBJECT) to its end. */
    public static Map<String, Object> readFields(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            map.put(name, read(p));
        }
        return Collections.unmodifiableMap(map);
    }

    private static String preview(String number) {
        return number.length() > 40 ? number.substring(0, 40) + "..." : number;
    }

    /** Writes a plain object as JSON. */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (value instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(value.toString());
        }
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
}
