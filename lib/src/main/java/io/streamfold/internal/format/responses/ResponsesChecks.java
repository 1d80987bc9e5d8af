package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.PartState;
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
        if (!part.text().toString().contentEquals(whole)) {
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
        if (!call.arguments().toString().contentEquals(whole)) {
            diag.warn("stream-mismatch", "the deltas of a call's " + what + " built '" + Values.preview(call.arguments())
                    + "' but the final event says '" + Values.preview(whole) + "'; the final value is kept");
            call.arguments().clear();
            call.arguments().append(whole);
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
            String finalText = ResponsesOutput.textOf(raw);
            String builtText = built.text();
            if (finalText != null && builtText != null && !finalText.equals(builtText)) {
                diag.warn("stream-mismatch:item" + i, "stream-mismatch", "the deltas of output item " + i + " built '"
                        + Values.preview(builtText) + "' but the final response says '" + Values.preview(finalText) + "'");
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
