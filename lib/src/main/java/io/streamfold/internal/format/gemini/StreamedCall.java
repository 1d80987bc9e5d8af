package io.streamfold.internal.format.gemini;

import io.streamfold.internal.core.Published;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.Read;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function call whose arguments arrive as {@code partial_args} items. A string that continues
 * over many items grows in a builder and the arguments are written as JSON only when the call
 * completes or a snapshot asks: a long argument streamed in small pieces stays linear.
 */
final class StreamedCall {
    final ToolCallState call;
    final Map<String, Object> args;
    /** The path of a string value that continues in the next item. */
    String continuing;
    /** The string value being streamed, not yet written into {@link #args}, and its path. */
    StringBuilder pending;
    String pendingPath;

    StreamedCall(ToolCallState call, Object initialArgs) {
        this.call = call;
        this.args = Values.mutableCopy(initialArgs);
    }

    /** Writes the streamed string into the arguments; a path that cannot hold it is warned. */
    void flush(Diagnostics diag) {
        if (pending != null) {
            if (!JsonPaths.put(args, pendingPath, pending.toString())) {
                unplaced(diag, pendingPath);
            }
            pending = null;
            pendingPath = null;
        }
    }

    /** The call is over: its arguments, whole. */
    void finish(Diagnostics diag) {
        flush(diag);
        call.setArguments(Read.json(args));
    }

    /** For a snapshot: the arguments so far, the string still streaming included; nothing of the call changes. */
    void publish(Published out) {
        Map<String, Object> shown = args;
        if (pending != null) {
            shown = Values.mutableCopy(args);
            JsonPaths.put(shown, pendingPath, pending.toString());
        }
        out.arguments(call, Read.json(shown));
    }

    private static void unplaced(Diagnostics diag, String path) {
        diag.warn("partial-arg-unplaced", "a streamed function-call argument at json_path '" + path
                + "' has no place in the arguments built so far and was skipped");
    }

    /**
     * Fails on a string value that is not a string, before any of the part is folded (so
     * {@link #apply} may take every string value for one).
     */
    static void checkTypes(List<?> items, Diagnostics diag) {
        for (Object item : items) {
            Map<String, Object> arg = Values.asMap(item);
            if (arg != null && GeminiCandidates.has(arg, "string_value", "stringValue")
                    && !(GeminiCandidates.either(arg, "string_value", "stringValue") instanceof String)) {
                throw diag.unexpected("Expected a string for partialArgs[].stringValue at " + path(arg) + " but found "
                        + Values.describe(GeminiCandidates.either(arg, "string_value", "stringValue")));
            }
        }
    }

    private static String path(Map<String, Object> arg) {
        String path = Values.stringAt(arg, "json_path");
        return path != null ? path : Values.stringAt(arg, "jsonPath");
    }

    void apply(List<?> items, Diagnostics diag) {
        for (Object item : items) {
            Map<String, Object> arg = Values.asMap(item);
            if (arg == null) {
                continue;
            }
            String path = path(arg);
            if (path == null) {
                diag.warn("partial-arg-without-path", "a streamed function-call argument without json_path was skipped");
                continue;
            }
            boolean willContinue = Boolean.TRUE.equals(GeminiCandidates.either(arg, "will_continue", "willContinue"));
            boolean placed = true;
            if (GeminiCandidates.has(arg, "string_value", "stringValue")) {
                String piece = (String) GeminiCandidates.either(arg, "string_value", "stringValue"); // checkTypes saw to it
                if (pending != null && path.equals(continuing) && path.equals(pendingPath)) {
                    pending.append(piece);
                } else {
                    flush(diag);
                    pending = new StringBuilder(piece);
                    pendingPath = path;
                }
            } else {
                flush(diag); // values land in the order they came
                if (GeminiCandidates.has(arg, "number_value", "numberValue")) {
                    placed = JsonPaths.put(args, path, GeminiCandidates.either(arg, "number_value", "numberValue"));
                } else if (GeminiCandidates.has(arg, "bool_value", "boolValue")) {
                    placed = JsonPaths.put(args, path, GeminiCandidates.either(arg, "bool_value", "boolValue"));
                } else if (GeminiCandidates.has(arg, "null_value", "nullValue")) {
                    placed = JsonPaths.put(args, path, null);
                }
            }
            if (!placed) {
                unplaced(diag, path);
            }
            continuing = willContinue ? path : null;
        }
    }
}
