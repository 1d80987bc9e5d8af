package io.streamfold.internal.json;

import io.streamfold.internal.core.Values;
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
 * Reads and writes the plain values of {@code core.Values} ({@code Map}, {@code List}, {@code String},
 * numbers, {@code Boolean}, null) with jackson-core, for the rare fields kept verbatim.
 */
public final class JsonValues {

    private JsonValues() {
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
