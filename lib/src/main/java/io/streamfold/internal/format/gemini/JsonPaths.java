package io.streamfold.internal.format.gemini;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes values at simple JSONPath locations ({@code $.a.b[0].c}) in nested maps and
 * lists, creating what is missing: Gemini's streamed arguments name their place this way.
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** How deep a path may go: far beyond real arguments, well within what writing them back allows. */
    static final int MAX_STEPS = 64;

    /**
     * Sets the value at the path, creating maps and lists on the way; false when the path cannot
     * hold it (no step, an index out of range, a step that disagrees with what is already there).
     */
    @SuppressWarnings("unchecked")
    static boolean put(Map<String, Object> root, String path, Object value) {
        List<Object> steps = steps(path);
        if (steps.isEmpty() || steps.size() > MAX_STEPS || !fits(root, steps)) {
            return false; // checked before anything is created on the way
        }
        Object current = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Object next = last ? value : (steps.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
            if (step instanceof String key && current instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last) {
                    map.put(key, value);
                } else {
                    Object existing = map.get(key);
                    if (!(existing instanceof Map || existing instanceof List)) {
                        map.put(key, next);
                        existing = next;
                    }
                    current = existing;
                }
            } else if (step instanceof Integer index && current instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                while (list.size() <= index) {
                    list.add(null);
                }
                if (last) {
                    list.set(index, value);
                } else {
                    Object existing = list.get(index);
                    if (!(existing instanceof Map || existing instanceof List)) {
                        list.set(index, next);
                        existing = next;
                    }
                    current = existing;
                }
            } else {
                return false; // the path disagrees with what is already there
            }
        }
        return true;
    }

    /**
     * True when every index of the path is at most one past its list's end: arrays stream in
     * order, so a hostile index can never size a list. A list the path would create starts empty.
     */
    private static boolean fits(Map<String, Object> root, List<Object> steps) {
        Object current = root;
        for (Object step : steps) {
            if (step instanceof Integer index) {
                int size = current instanceof List<?> list ? list.size() : 0;
                if (index < 0 || index > size) {
                    return false;
                }
                current = current instanceof List<?> list && index < size ? list.get(index) : null;
            } else {
                current = current instanceof Map<?, ?> map ? map.get(step) : null;
            }
        }
        return true;
    }

    /** Splits {@code $.a.b[0]['c d']} into "a", "b", 0, "c d". */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = path.startsWith("$") ? 1 : 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                String inside = path.substring(i + 1, close);
                if (inside.length() >= 2 && (inside.startsWith("'") || inside.startsWith("\""))) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(inside.trim()));
                    } catch (NumberFormatException e) {
                        steps.add(inside);
                    }
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }
}
