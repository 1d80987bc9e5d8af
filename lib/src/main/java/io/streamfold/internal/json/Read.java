package io.streamfold.internal.json;

import io.streamfold.internal.core.Values;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Typed reads of the parser's current value, each failing with a located "Expected X for field
 * but found Y" when the type is wrong. Null is always allowed and means absent.
 */
public final class Read {

    private static final JsonFactory TEXT_FACTORY = new JsonFactory();

    private Read() {
    }

    /** Appends a string value to the buffer (marking it present even when empty); null adds nothing. */
    public static void text(JsonParser p, CharBuf into, Diagnostics diag, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            into.appendText(p);
        } else if (t != JsonToken.VALUE_NULL) {
            throw diag.expected("a string", field);
        }
    }

    /** A string value (shared when it is a known one), or null. */
    public static String string(JsonParser p, Diagnostics diag, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return KnownStrings.read(p);
        }
        if (t != JsonToken.VALUE_NULL) {
            throw diag.expected("a string", field);
        }
        return null;
    }

    /** An integer value; {@code absent} for null. */
    public static int integer(JsonParser p, Diagnostics diag, String field, int absent) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw diag.expected("an integer that fits 32 bits", field);
            }
            return p.getIntValue();
        }
        if (t != JsonToken.VALUE_NULL) {
            throw diag.expected("an integer", field);
        }
        return absent;
    }

    /**
     * An index: null is absent (-1); a present one must lie in 0..max, so a hostile value can
     * neither pass for "no index" nor size an array.
     */
    public static int index(JsonParser p, Diagnostics diag, String field, int max) throws IOException {
        int value = integer(p, diag, field, -1);
        if (p.currentToken() != JsonToken.VALUE_NULL && (value < 0 || value > max)) {
            throw diag.expected("an index from 0 to " + max, field);
        }
        return value;
    }

    /** An object value as a map, or null for null. */
    public static java.util.Map<String, Object> object(JsonParser p, Diagnostics diag, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw diag.expected("an object", field);
        }
        return Values.asMap(JsonValues.read(p));
    }

    /** Fails unless the current token starts an object or is null; returns false for null. */
    public static boolean startObject(JsonParser p, Diagnostics diag, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            throw diag.expected("an object", field);
        }
        return false;
    }

    /** Fails unless the current token starts an array or is null; returns false for null. */
    public static boolean startArray(JsonParser p, Diagnostics diag, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            throw diag.expected("an array", field);
        }
        return false;
    }

    /** True when the text is exactly one JSON value. */
    public static boolean isJson(String text) {
        try (JsonParser p = TEXT_FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Serializes a plain value as compact JSON text. */
    public static String json(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = TEXT_FACTORY.createGenerator(out)) {
            JsonValues.write(g, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
