package io.streamfold.internal.format;

import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the event formats (Anthropic, Responses, Interactions) share: an event is a {@code type},
 * an {@code index} and structured fields, kept until the event ends because keys come in any
 * order. Each format's event adds its own fields.
 */
public abstract class EventFields {

    public String type;
    public boolean hasIndex;
    public int index;
    /** Structured fields of the event (message, content_block, response, item, error, ...), or null. */
    private Map<String, Object> objects;

    public void reset() {
        type = null;
        hasIndex = false;
        objects = null;
    }

    /** Reads one top-level field of the event; false when the format's events have no such field. */
    public abstract boolean read(JsonParser p, String name, Diagnostics diag) throws IOException;

    /** Reads an object {@code delta} (null is absent). */
    protected static void readDelta(JsonParser p, EventDelta delta, Diagnostics diag) throws IOException {
        if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
            delta.read(p, diag);
        } else if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
            throw diag.expected("an object", "delta");
        }
    }

    /**
     * An event with no type: an {@code error} alone is the provider's error; anything else is not
     * an event of the format (false).
     */
    public boolean foldUntyped(io.streamfold.internal.core.Assembly assembly) {
        if (object("error") == null) {
            return false;
        }
        assembly.providerError(object("error"));
        return true;
    }

    /** Reads the event's type; most events repeat the last one's, compared before any lookup. */
    protected void readType(JsonParser p, Diagnostics diag, String field) throws IOException {
        type = lastType = repeatedOrRead(p, lastType, diag, field);
    }

    private String lastType;

    /**
     * A string value that is most often the same as the last one (an event's or a delta's type):
     * the last one when it is the same, compared in place, else read (shared when a known one).
     */
    static String repeatedOrRead(JsonParser p, String last, Diagnostics diag, String field) throws IOException {
        if (last != null && p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                && last.length() == p.getTextLength()) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int i = 0;
            while (i < last.length() && last.charAt(i) == chars[offset + i]) {
                i++;
            }
            if (i == last.length()) {
                return last;
            }
        }
        return Read.string(p, diag, field);
    }

    /** Reads the event's index; null is absent. */
    protected void readIndex(JsonParser p, Diagnostics diag, String field) throws IOException {
        index = Read.integer(p, diag, field, -1);
        hasIndex = index >= 0;
    }

    /** Keeps a structured field whole. */
    protected void keep(JsonParser p, String name) throws IOException {
        object(name, JsonValues.read(p));
    }

    public void object(String name, Object value) {
        if (objects == null) {
            objects = new LinkedHashMap<>();
        }
        objects.put(name, value);
    }

    /** A structured field as read, or null. */
    public Object object(String name) {
        return objects == null ? null : objects.get(name);
    }

    /** Every structured field kept, in the order read (empty when none). */
    public Map<String, Object> kept() {
        return objects == null ? Map.of() : java.util.Collections.unmodifiableMap(objects);
    }

    /** A structured field that is an object, or null. */
    public Map<String, Object> map(String name) {
        return Values.asMap(object(name));
    }

    /** A structured field the event cannot do without. */
    public Map<String, Object> required(String field, Diagnostics diag) {
        Map<String, Object> value = map(field);
        if (value == null) {
            throw diag.unexpected("Expected an object for " + field + " in a " + type + " event but found none");
        }
        return value;
    }

    /** The index the event cannot do without. */
    public int index(Diagnostics diag) {
        if (!hasIndex) {
            throw diag.unexpected("Expected an index in a " + type + " event but found none");
        }
        return index;
    }
}
