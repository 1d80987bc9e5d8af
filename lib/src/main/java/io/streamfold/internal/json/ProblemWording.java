package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@link Diagnostics}' errors: the JSON path of a place, what the parser stands on,
 * and Jackson's messages in ours.
 */
public final class ProblemWording {

    private ProblemWording() {
    }

    private static final int MAX_PATH_SEGMENTS = 20;

    /** Builds {@code $.choices[0].delta.content} from the parser's context up to the chunk's root. */
    static String pathOf(JsonStreamContext context, JsonStreamContext root) {
        List<String> segments = new ArrayList<>();
        JsonStreamContext c = context;
        while (c != null && c != root) {
            if (c.inArray()) {
                segments.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                segments.add("." + c.getCurrentName());
            }
            c = c.getParent();
        }
        if (c == null) {
            return null; // the parser has left the chunk
        }
        if (root.inObject() && root.getCurrentName() != null) {
            segments.add("." + root.getCurrentName());
        }
        StringBuilder sb = new StringBuilder("$");
        int n = segments.size();
        for (int i = n - 1; i >= 0; i--) {
            if (n > MAX_PATH_SEGMENTS && i == n - 1 - MAX_PATH_SEGMENTS / 2) {
                // A hostile nesting depth would print thousands of segments: keep both ends.
                sb.append("...(").append(n - MAX_PATH_SEGMENTS).append(" more)...");
                i = MAX_PATH_SEGMENTS / 2 - 1; // go on with the innermost ten: n - 20 left out
            }
            sb.append(segments.get(i));
        }
        return sb.toString();
    }

    /** Names what the parser stands on: "a number (12)", "a string", "an object". */
    public static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string (" + preview(p.getText()) + ")";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number (" + p.getText() + ")";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean (" + p.getText() + ")";
            case VALUE_NULL:
                return "null";
            case END_OBJECT:
                return "the end of an object";
            case END_ARRAY:
                return "the end of an array";
            default:
                return t.toString();
        }
    }

    private static String preview(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    // Jackson's messages end with a source excerpt ("at [Source: ...]"), which our location replaces,
    // and name its own limit getters where our users set AssemblerOptions.
    static String tidy(String message) {
        int at = message.indexOf("\n at [Source");
        String m = at >= 0 ? message.substring(0, at) : message;
        // Whatever the jackson-core version's words, a limit says its value and the option that raises it.
        m = limit(m, "(?:Document nesting depth|Depth) \\((\\d+)\\) exceeds the maximum allowed(?: nesting depth)? \\((\\d+)(?:[^()]|\\(\\))*\\)",
                "Document nesting depth", "MaxNestingDepth");
        m = limit(m, "String (?:value )?length \\((\\d+)\\) exceeds the maximum (?:allowed|length) \\((\\d+)(?:[^()]|\\(\\))*\\)",
                "String value length", "MaxStringLength");
        m = limit(m, "Number (?:value )?length \\((\\d+)\\) exceeds the maximum (?:allowed|length) \\((\\d+)(?:[^()]|\\(\\))*\\)",
                "Number value length", "MaxNumberLength");
        m = m.replaceAll("(?s) \\(start marker at \\[.*?line: -?\\d+, column: -?\\d+\\]\\)", ""); // our location says where
        // (a source excerpt may hold brackets: up to the line and column that end the marker)
        m = m.replaceAll("(?s) \\(for (Object|Array|root) starting at \\[.*?line: -?\\d+, column: -?\\d+\\]\\)", "");
        return m.replace('\n', ' ').trim();
    }

    /** A limit's message in our words: what exceeded which maximum, and how to raise it. */
    private static String limit(String message, String jackson, String what, String option) {
        return message.replaceFirst("^" + jackson, what + " ($1) exceeds the maximum allowed ($2); raise it with"
                + " `AssemblerOptions.builder().m" + option.substring(1) + "(int)` (or `AssemblerOptions.with" + option + "(int)`)");
    }
}
