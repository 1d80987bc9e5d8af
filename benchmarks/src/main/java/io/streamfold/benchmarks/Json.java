package io.streamfold.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans, null) as JSON text the way the
 * recorders that made the real samples do: Python's {@code json.dumps} (llama-stack recordings,
 * {@code indent=2} or compact {@code ", "} / {@code ": "}, non-ASCII escaped as {@code \\uXXXX}), or
 * a provider's own tight wire JSON ({@code ,} and {@code :}, UTF-8 as is).
 */
final class Json {

    /** How values are laid out. */
    enum Style {
        /** {@code json.dumps(v, indent=2)}: one member a line, ASCII only. */
        PYTHON_PRETTY,
        /** {@code json.dumps(v)}: {@code ", "} and {@code ": "}, ASCII only. */
        PYTHON_COMPACT,
        /** A provider's wire JSON: no spaces, UTF-8 kept. */
        WIRE
    }

    private Json() {
    }

    /**
     * An object with its members in the given order (never {@code Map.of}: its iteration order
     * changes from one JVM to the next, and the inputs must be the same bytes every time).
     */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String write(Object value, Style style) {
        StringBuilder out = new StringBuilder(256);
        write(value, style, 0, out);
        return out.toString();
    }

    /** Writes a value whose first line is already indented to {@code level} (pretty style). */
    static void write(Object value, Style style, int level, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, style != Style.WIRE, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                separator(first, style, level + 1, out);
                first = false;
                quote((String) e.getKey(), style != Style.WIRE, out);
                out.append(style == Style.WIRE ? ":" : ": ");
                write(e.getValue(), style, level + 1, out);
            }
            close(style, level, out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                separator(first, style, level + 1, out);
                first = false;
                write(item, style, level + 1, out);
            }
            close(style, level, out);
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void separator(boolean first, Style style, int level, StringBuilder out) {
        if (style == Style.PYTHON_PRETTY) {
            if (!first) {
                out.append(',');
            }
            newline(level, out);
        } else if (!first) {
            out.append(style == Style.WIRE ? "," : ", ");
        }
    }

    private static void close(Style style, int level, StringBuilder out) {
        if (style == Style.PYTHON_PRETTY) {
            newline(level, out);
        }
    }

    static void newline(int level, StringBuilder out) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    /** A JSON string literal; {@code ascii} escapes every non-ASCII char as Python does. */
    static void quote(String s, boolean ascii, StringBuilder out) {
        out.append('"');
        escape(s, ascii, out);
        out.append('"');
    }

    static void escape(CharSequence s, boolean ascii, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7E)) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int k = hex.length(); k < 4; k++) {
                            out.append('0');
                        }
                        out.append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    static String escaped(CharSequence s, boolean ascii) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        escape(s, ascii, out);
        return out.toString();
    }
}
