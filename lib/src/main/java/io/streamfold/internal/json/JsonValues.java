package io.streamfold.internal.json;

import io.streamfold.internal.core.Values;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the plain values of {@code core.Values} ({@code Map}, {@code List}, {@code String},
 * numbers, {@code Boolean}, null) with jackson-core, for the rare fields kept verbatim.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Reads the value at the parser's current token (which must be a value start) as a plain
     * object. Nested values are read with a stack of our own, not by recursion: a kept field
     * nested as deep as the options allow cannot overflow the thread's stack.
     */
    public static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            fill(p, map, null);
            return Collections.unmodifiableMap(map);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            fill(p, list, null);
            return Collections.unmodifiableList(list);
        }
        return scalar(p, t);
    }

    /**
     * Passes over the value at the parser's current token as {@link #read} reads it, keeping
     * nothing: its numbers are checked as {@code read} checks them; its strings are never made
     * (Jackson skips them, still checking their escapes and encoding).
     */
    public static void skip(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        int depth = 0;
        do {
            if (t == null) {
                return; // the input ended inside the value: the parser's next read says where
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(p, t);
                default -> {
                }
            }
            if (depth > 0) {
                t = p.nextToken();
            }
        } while (depth > 0);
    }

    /** Reads an object's fields from its first FIELD_NAME (or END_OBJECT) to its end. */
    public static Map<String, Object> readFields(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        if (p.currentToken() == JsonToken.FIELD_NAME) {
            fill(p, map, p.currentName());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Fills an open container up to its end. Each container is added to its parent as an
     * unmodifiable view when it opens, and filled through the stack.
     *
     * @param name the field whose value comes next, when the parser stands on it
     */
    @SuppressWarnings("unchecked")
    private static void fill(JsonParser p, Object root, String name) throws IOException {
        ArrayDeque<Object> open = new ArrayDeque<>();
        open.push(root);
        String field = name;
        while (!open.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return; // the input ended inside the value: the parser's next read says where
            }
            if (t == JsonToken.FIELD_NAME) {
                field = p.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            Object value;
            Object child = null;
            if (t == JsonToken.START_OBJECT) {
                child = new LinkedHashMap<String, Object>();
                value = Collections.unmodifiableMap((Map<String, Object>) child);
            } else if (t == JsonToken.START_ARRAY) {
                child = new ArrayList<>();
                value = Collections.unmodifiableList((List<Object>) child);
            } else {
                value = scalar(p, t);
            }
            Object parent = open.peek();
            if (parent instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(field, value);
            } else {
                ((List<Object>) parent).add(value);
            }
            if (child != null) {
                open.push(child);
            }
        }
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
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

    private static String preview(String number) {
        return number.length() > 40 ? number.substring(0, 40) + "..." : number;
    }

    /** Writes a plain object as JSON. */
    public static void write(JsonGenerator g, Object value) throws IOException {
        // Containers are walked with a stack of our own, like read: depth never overflows the thread's stack.
        ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
        Object next = value;
        while (true) {
            if (next instanceof Map<?, ?> map) {
                g.writeStartObject();
                open.push(map.entrySet().iterator());
            } else if (next instanceof List<?> list) {
                g.writeStartArray();
                open.push(new ListItems(list.iterator()));
            } else {
                writeScalar(g, next);
            }
            next = null;
            boolean more = false;
            while (!open.isEmpty() && !more) {
                Iterator<?> items = open.peek();
                if (!items.hasNext()) {
                    open.pop();
                    if (items instanceof ListItems) {
                        g.writeEndArray();
                    } else {
                        g.writeEndObject();
                    }
                } else if (items instanceof ListItems) {
                    next = items.next();
                    more = true;
                } else {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) items.next();
                    g.writeFieldName(String.valueOf(e.getKey()));
                    next = e.getValue();
                    more = true;
                }
            }
            if (!more) {
                return;
            }
        }
    }

    /** A list's items, told apart from a map's entries on the stack. */
    private static final class ListItems implements Iterator<Object> {
        private final Iterator<?> items;

        ListItems(Iterator<?> items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public Object next() {
            return items.next();
        }
    }

    private static void writeScalar(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
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

    /** Writes a field and its plain value. */
    public static void writeField(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        write(g, value);
    }

    /** Writes the map's entries except the skipped names. */
    public static void writeEntries(JsonGenerator g, Map<String, Object> map, java.util.Set<String> skip) throws IOException {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!skip.contains(e.getKey())) {
                writeField(g, e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Writes JSON text (tool arguments) as the JSON value it is, or as a string when it is not
     * valid JSON (a stream cut short); empty text becomes {@code {}}.
     */
    public static void writeJsonText(JsonGenerator g, String text) throws IOException {
        if (text == null || text.isBlank()) {
            g.writeStartObject();
            g.writeEndObject();
        } else if (Read.isJson(text)) {
            try (JsonParser p = TEXT.createParser(text)) {
                p.nextToken();
                g.copyCurrentStructure(p); // through the generator, so pretty-printing applies
            }
        } else {
            g.writeString(text);
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory TEXT = new com.fasterxml.jackson.core.JsonFactory();
}
