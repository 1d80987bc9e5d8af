package io.streamfold.internal.capture;

import java.util.List;
import java.util.Map;

/** Names a tree value's kind for an error message: "a number", "an object", "null". */
final class Describe {

    private Describe() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return value.getClass().getSimpleName();
    }
}
