package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.TextAccumulator;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One output item as the stream built it. */
final class Item {
    final Map<String, Object> raw;
    final String type;
    final String id;
    final Map<Integer, PartState> contents = new TreeMap<>();
    final Map<Integer, PartState> summaries = new TreeMap<>();
    ToolCallState call;
    PartState other;
    Map<String, Object> done;

    Item(Map<String, Object> raw) {
        this.raw = raw;
        String t = Values.stringAt(raw, "type");
        this.type = t == null ? "message" : t;
        this.id = Values.stringAt(raw, "id");
    }

    /** The item's visible text as built (message text or reasoning summary), in its pieces; null when none. */
    List<CharSequence> textPieces() {
        Map<Integer, PartState> source = type.equals("reasoning") ? summaries : contents;
        if (source.isEmpty()) {
            return null;
        }
        List<CharSequence> pieces = new ArrayList<>(source.size());
        for (PartState p : source.values()) {
            pieces.add(p.text());
        }
        return pieces;
    }

    /**
     * The built text that a {@code .done} event's {@code field} repeats, looked up as the event's
     * folding looks it up: a content part's or summary's text, or the call's arguments; else null.
     */
    TextAccumulator repeated(ResponsesEvent e, String field) {
        PartState part;
        switch (e.type) {
            case "response.output_text.done", "response.reasoning_text.done" ->
                part = field.equals("text") ? contents.get(e.hasContentIndex ? e.contentIndex : 0) : null;
            case "response.reasoning_summary_text.done" ->
                part = field.equals("text") ? summaries.get(e.hasSummaryIndex ? e.summaryIndex : 0) : null;
            case "response.function_call_arguments.done" -> {
                return field.equals("arguments") && call != null ? call.arguments() : null;
            }
            default -> part = null;
        }
        return part == null ? null : part.text();
    }
}
