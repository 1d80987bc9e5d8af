package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The keys of one kind of object (a chunk, a choice, a delta) in the order the last one had them.
 * Streams repeat the same keys in the same order chunk after chunk, so each next key is guessed
 * and matched with {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}:
 * a byte comparison instead of hashing the name into Jackson's symbol table. A wrong guess costs a
 * normal read, and the order is relearned. Names are Jackson's interned ones either way.
 */
public final class KeyOrder {

    private static final int MAX_KEYS = 24;

    private final SerializedString[] expected = new SerializedString[MAX_KEYS];
    private final Map<String, SerializedString> known = new IdentityHashMap<>();
    private int position;

    /** Call before reading an object's keys. */
    public void start() {
        position = 0;
    }

    /** Reads the first key of an object whose START_OBJECT is the current token (null: the object is empty). */
    public String first(JsonParser p) throws IOException {
        position = 0;
        return next(p);
    }

    /** Call when the object's first key was read already (or null: the object is empty). */
    public void startAfter(String first) {
        position = first != null ? 1 : 0;
    }

    /** The next key of the object, or null at its end (the parser then stands on END_OBJECT or what followed). */
    public String next(JsonParser p) throws IOException {
        int at = position++;
        if (at < MAX_KEYS) {
            SerializedString guess = expected[at];
            if (guess != null && p.nextFieldName(guess)) {
                return guess.getValue();
            }
            String name = guess != null
                    ? (p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null)
                    : p.nextFieldName();
            if (name != null) {
                expected[at] = known.computeIfAbsent(name, SerializedString::new);
            }
            return name;
        }
        return p.nextFieldName();
    }
}
