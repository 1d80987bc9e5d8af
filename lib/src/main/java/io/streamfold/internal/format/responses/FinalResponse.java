package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.TextAccumulator;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The response a {@code response.completed} (or {@code .incomplete}, {@code .failed}) event
 * carries, read as {@link JsonValues#read} reads it but for the output texts the deltas built. A
 * message's or reasoning item's part text, and a call's arguments, are compared with the built
 * text as the parser hands them over ({@link RepeatedText}); when equal, the value is the built
 * text's own String, which the completion holds anyway, not a second copy of megabytes read through
 * Jackson's {@code getText}. A value that differs is kept as read, so the final response's checks
 * and its authority over the output are what they were.
 */
final class FinalResponse {

    private final RepeatedText repeated;

    FinalResponse(RepeatedText repeated) {
        this.repeated = repeated;
    }

    /** Reads the response object the parser stands on (its START_OBJECT). */
    Map<String, Object> read(JsonParser p, ResponsesEvent.Built built) throws IOException {
        return object(p, (q, key, v) -> key.equals("output") && v == JsonToken.START_ARRAY
                ? array(q, built::itemAt, this::item) : JsonValues.read(q));
    }

    /**
     * One output item, placed by its position as the stream's {@code output_index} placed it.
     * Comparing is never wrong, whatever the item's type turns out to be: an equal value is the
     * same chars either way, so each field is compared wherever a built text could match it.
     */
    private Map<String, Object> item(JsonParser p, Item item) throws IOException {
        return object(p, (q, key, v) -> {
            if (v == JsonToken.START_ARRAY && key.equals("content")) {
                return array(q, item.contents::get, this::part);
            }
            if (v == JsonToken.START_ARRAY && key.equals("summary")) {
                return array(q, item.summaries::get, this::part);
            }
            if (v == JsonToken.VALUE_STRING && item.call != null && (key.equals("arguments") || key.equals("input"))) {
                return text(q, item.call.arguments());
            }
            return JsonValues.read(q);
        });
    }

    /** A content part or summary, against the built part at its index. */
    private Map<String, Object> part(JsonParser p, PartState part) throws IOException {
        return object(p, (q, key, v) -> v == JsonToken.VALUE_STRING && (key.equals("text") || key.equals("refusal"))
                ? text(q, part.text()) : JsonValues.read(q));
    }

    /** How one field's value is read; the parser stands on the value's first token. */
    interface Field {
        Object read(JsonParser p, String key, JsonToken value) throws IOException;
    }

    /** How an element is read against what the stream built for its index. */
    private interface Element<T> {
        Object read(JsonParser p, T built) throws IOException;
    }

    /** An object's fields, each value read by {@code field}, as an unmodifiable map in the order read. */
    static Map<String, Object> object(JsonParser p, Field field) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v == null) {
                break; // the input ended inside the object: the parser's next read says where
            }
            map.put(key, field.read(p, key, v));
        }
        return Collections.unmodifiableMap(map);
    }

    /** An array whose objects are read against what was built for their index, the rest as JsonValues reads them. */
    private static <T> List<Object> array(JsonParser p, IntFunction<T> builtAt, Element<T> element) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
            T built = t == JsonToken.START_OBJECT ? builtAt.apply(list.size()) : null;
            list.add(built == null ? JsonValues.read(p) : element.read(p, built));
        }
        return Collections.unmodifiableList(list);
    }

    /** The string the parser stands on: the built text's String when it is the same, else as read. */
    private Object text(JsonParser p, TextAccumulator built) throws IOException {
        CharBuf differing = new CharBuf();
        return repeated.same(p, built, differing) ? built.toString() : differing.toString();
    }
}
