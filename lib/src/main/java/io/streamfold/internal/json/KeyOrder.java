package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one loop over an object's keys, used by every reader of streamfold:
 * <pre>{@code
 * for (String name = keys.first(p); name != null; name = keys.next(p)) {
 *     JsonToken value = p.nextToken();
 *     ... read the value, or not ...
 * }
 * }</pre>
 * Each {@link #next} first makes sure the previous value was consumed: a value its reader left
 * unread (an object where a string was expected, say) is skipped, so the parser never loses its
 * place in the input.
 *
 * <p>It also learns the keys' order. Streams repeat the same keys in the same order chunk after
 * chunk, so each next key is guessed and matched with
 * {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}: a byte
 * comparison instead of hashing the name into Jackson's symbol table; with
 * {@link ExpectedNameParser}, the bytes before the value are compared whole with the last chunk's
 * ({@link ExpectedKey}). A wrong guess costs a normal read, and the order is relearned. Names are
 * Jackson's interned ones either way. One instance serves one kind of object (a chunk, a choice,
 * a delta), read one at a time.
 */
public final class KeyOrder {

    private static final int MAX_KEYS = 24;

    private final ExpectedKey[] expected = new ExpectedKey[MAX_KEYS];
    private final Map<String, SerializedString> known = new IdentityHashMap<>();
    private int position;
    private JsonStreamContext object;

    /** Reads the first key of the object whose START_OBJECT is the current token (null: it is empty). */
    public String first(JsonParser p) throws IOException {
        position = 0;
        object = null;
        return next(p);
    }

    /**
     * Call when the object's first key was read already, the parser on it (or null when the
     * object is empty, the parser on its END_OBJECT).
     */
    public void startAfter(JsonParser p, String first) {
        position = first != null ? 1 : 0;
        object = p.getParsingContext();
    }

    /**
     * The next key of the object, or null at its end (the parser then stands on its END_OBJECT).
     * Whatever is left of the previous value is skipped first.
     */
    public String next(JsonParser p) throws IOException {
        if (object == null) {
            object = p.getParsingContext(); // on the object's START_OBJECT: this is its context
        } else if (p.getParsingContext() != object) {
            skipRest(p);
        }
        int at = position++;
        if (at < MAX_KEYS) {
            ExpectedKey guess = expected[at];
            if (guess != null && (p instanceof ExpectedNameParser e ? e.nextFieldName(guess) : p.nextFieldName(guess.name))) {
                return guess.name.getValue();
            }
            String name = guess != null
                    ? (p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null)
                    : p.nextFieldName();
            if (name != null) {
                SerializedString known = this.known.computeIfAbsent(name, SerializedString::new);
                if (guess == null) {
                    expected[at] = new ExpectedKey(known);
                } else {
                    guess.guess(known);
                }
            }
            return name;
        }
        return p.nextFieldName();
    }

    /** The reader stopped inside a value: skip to its end, back in the object. */
    private void skipRest(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
        while (p.getParsingContext() != object) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return; // the input ended inside the value: the next read says so
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
        }
    }
}
