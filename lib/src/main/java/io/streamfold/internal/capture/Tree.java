package io.streamfold.internal.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container file read whole into plain Java values: {@link Obj} (a map that knows where it was
 * in the file and its JSON path), {@link Arr}, String, Number, Boolean, null, and byte[] (a YAML
 * {@code !binary} scalar). Containers are small beside the streams they hold, and JSON and YAML
 * parsers both give tokens, so one tree serves every container in either syntax.
 */
final class Tree {

    private static final JsonFactory JSON = new JsonFactory();

    private Tree() {
    }

    /** Where a node began: 1-based line and column, and its JSON path from the root. */
    record At(long line, long column, String path) {
        String child(String field) {
            return path + "." + field;
        }

        String item(int index) {
            return path + "[" + index + "]";
        }

        /** This place, named as the item of this array. */
        At itemAt(int index) {
            return new At(line, column, item(index));
        }

        /** This place, named as the field of this object. */
        At childAt(String field) {
            return new At(line, column, child(field));
        }
    }

    /** An object, its fields in file order. */
    static final class Obj extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        final transient At at;

        Obj(At at) {
            this.at = at;
        }

        String string(String key) {
            Object v = get(key);
            return v instanceof String s ? s : v instanceof Number || v instanceof Boolean ? v.toString() : null;
        }

        Obj obj(String key) {
            return get(key) instanceof Obj o ? o : null;
        }

        Arr arr(String key) {
            return get(key) instanceof Arr a ? a : null;
        }

        /** An integer field, or -1 (a status that is a number or a numeric string). */
        int integer(String key) {
            Object v = get(key);
            if (v instanceof Number n) {
                return n.intValue();
            }
            if (v instanceof String s) {
                try {
                    return Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            return -1;
        }
    }

    /** An array. */
    static final class Arr extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
        final transient At at;

        Arr(At at) {
            this.at = at;
        }

        /** Item {@code i}, which must be an object: else a located error naming {@code what} ("a HAR entry"). */
        Obj objectAt(int i, String source, String what) {
            if (get(i) instanceof Obj o) {
                return o;
            }
            throw Located.unexpected(source, at.itemAt(i), "Expected " + what + " object but found " + Describe.of(get(i)));
        }

        /** Each item, which must be an object ({@link #objectAt}), made into an exchange with its index. */
        List<Exchange> exchanges(String source, String what, ExchangeOf exchange) {
            List<Exchange> out = new ArrayList<>(size());
            for (int i = 0; i < size(); i++) {
                out.add(exchange.of(i, objectAt(i, source, what), source));
            }
            return out;
        }
    }

    /** How a container makes the exchange of one of its items. */
    interface ExchangeOf {
        Exchange of(int index, Obj item, String source);
    }

    /** Reads the parser's next value whole; null at the end of the input. */
    static Object read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == null ? null : value(p, t, "$");
    }

    private static Object value(JsonParser p, JsonToken t, String path) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Obj obj = new Obj(at(p, path));
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    obj.put(name, value(p, p.nextToken(), path + "." + name));
                }
                return obj;
            }
            case START_ARRAY: {
                Arr arr = new Arr(at(p, path));
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    arr.add(value(p, item, path + "[" + arr.size() + "]"));
                }
                return arr;
            }
            case VALUE_STRING:
                return p.canReadTypeId() && isBinaryTag(p.getTypeId()) ? binary(p.getText()) : p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_EMBEDDED_OBJECT: {
                Object embedded = p.getEmbeddedObject();
                return embedded instanceof byte[] ? embedded : embedded == null ? null : embedded.toString();
            }
            default:
                return null;
        }
    }

    /** YAML's binary tag: {@code !!binary} (vcrpy, PyYAML) or Ruby's local {@code !binary}. */
    private static boolean isBinaryTag(Object tag) {
        if (tag == null) {
            return false;
        }
        String t = tag.toString();
        return t.equals("binary") || t.equals("!binary") || t.equals("!!binary") || t.endsWith(":binary");
    }

    /** The bytes of a binary scalar; text that is no base64 stays text (the error comes when it is folded). */
    private static Object binary(String text) {
        byte[] bytes = Bodies.base64(text);
        return bytes != null ? bytes : text;
    }

    private static At at(JsonParser p, String path) {
        JsonLocation l = p.currentTokenLocation();
        return new At(l.getLineNr(), l.getColumnNr(), path);
    }

    /** Writes a value back as compact JSON (a {@code parsed_body}, a {@code jsonBody}, a body segment). */
    static byte[] toJson(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
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
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof byte[] bytes) {
            g.writeString(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            g.writeNull();
        }
    }
}
