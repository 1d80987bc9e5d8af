package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.TextAccumulator;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import java.util.List;
import java.util.Map;

/**
 * Consistency of a Responses stream: a {@code .done} event or the final response that says
 * otherwise than the deltas is reported ({@code stream-mismatch}), and its value is kept.
 */
final class ResponsesChecks {

    private final Diagnostics diag;

    ResponsesChecks(Diagnostics diag) {
        this.diag = diag;
    }

    void done(PartState part, CharSequence whole, String what) {
        if (whole == null || (whole instanceof CharBuf buf && !buf.present())) {
            return;
        }
        if (!same(part.text(), whole)) {
            diag.warn("stream-mismatch", "the deltas of a " + what + " built '" + Values.preview(part.text()) + "' but its .done event says '"
                    + Values.preview(whole) + "'; the .done text is kept");
            part.text().clear();
            part.text().append(whole);
        }
    }

    void arguments(ToolCallState call, CharSequence whole, String what) {
        if (whole == null || (whole instanceof CharBuf buf && !buf.present())) {
            return;
        }
        if (call.arguments().length() == 0) {
            call.arguments().append(whole); // no deltas: the final event carries the call whole
        } else if (!same(call.arguments(), whole)) {
            diag.warn("stream-mismatch", "the deltas of a call's " + what + " built '" + Values.preview(call.arguments())
                    + "' but the final event says '" + Values.preview(whole) + "'; the final value is kept");
            call.arguments().clear();
            call.arguments().append(whole);
        }
    }

    /** Whether two texts hold the same chars, compared in place (no String of either is made). */
    static boolean same(CharSequence a, CharSequence b) {
        if (a == b) {
            return true;
        }
        if (a instanceof TextAccumulator built) {
            return built.contentEquals(b);
        }
        if (b instanceof TextAccumulator built) {
            return built.contentEquals(a);
        }
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether two texts given in pieces join to the same chars, compared in place. */
    static boolean same(List<CharSequence> a, List<CharSequence> b) {
        if (a.size() == 1 && b.size() == 1) {
            return same(a.get(0), b.get(0)); // one content part each: the common case
        }
        int ai = 0;
        int bi = 0;
        int ao = 0;
        int bo = 0;
        while (true) {
            while (ai < a.size() && ao == a.get(ai).length()) {
                ai++;
                ao = 0;
            }
            while (bi < b.size() && bo == b.get(bi).length()) {
                bi++;
                bo = 0;
            }
            if (ai == a.size() || bi == b.size()) {
                return ai == a.size() && bi == b.size();
            }
            if (a.get(ai).charAt(ao++) != b.get(bi).charAt(bo++)) {
                return false;
            }
        }
    }

    /** Reports every difference between the deltas and the final output; true when there was one. */
    boolean differ(Map<Integer, Item> items, List<Object> output) {
        boolean differs = items.size() != output.size();
        for (int i = 0; i < output.size(); i++) {
            Map<String, Object> raw = Values.asMap(output.get(i));
            Item built = items.get(i);
            if (raw == null) {
                continue;
            }
            String type = Values.stringAt(raw, "type");
            if (built == null) {
                if (!items.isEmpty()) {
                    diag.warn("stream-mismatch:item" + i, "stream-mismatch",
                            "the final response has an output item " + i + " (" + type + ") that no event announced");
                }
                differs = true;
                continue;
            }
            if (!String.valueOf(type).equals(built.type)) {
                diag.warn("stream-mismatch:item" + i, "stream-mismatch",
                        "output item " + i + " was a " + built.type + " in the stream but is a " + type + " in the final response");
                differs = true;
                continue;
            }
            List<CharSequence> finalText = ResponsesOutput.textPieces(raw);
            List<CharSequence> builtText = built.textPieces();
            if (finalText != null && builtText != null && !same(finalText, builtText)) {
                diag.warn("stream-mismatch:item" + i, "stream-mismatch", "the deltas of output item " + i + " built '"
                        + Values.preview(String.join("", builtText)) + "' but the final response says '"
                        + Values.preview(String.join("", finalText)) + "'");
                differs = true;
            }
            if (built.call != null) {
                String key = type.equals("custom_tool_call") ? "input" : "arguments";
                String finalArgs = Values.stringAt(raw, key);
                if (finalArgs != null && !finalArgs.equals(built.call.arguments().toString())
                        && !built.call.arguments().toString().isEmpty()) {
                    diag.warn("stream-mismatch:item" + i, "stream-mismatch", "the deltas of call " + i + " built arguments '"
                            + Values.preview(built.call.arguments()) + "' but the final response says '" + Values.preview(finalArgs) + "'");
                    differs = true;
                }
            }
        }
        if (items.size() > output.size()) {
            diag.warn("stream-mismatch:count", "stream-mismatch", "the stream announced " + items.size()
                    + " output items but the final response has " + output.size());
        }
        return differs;
    }
}
