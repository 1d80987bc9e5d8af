package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.core.Values;
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

    /** The item's visible text as built (message text or reasoning summary), or null. */
    String text() {
        Map<Integer, PartState> source = type.equals("reasoning") ? summaries : contents;
        if (source.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (PartState p : source.values()) {
            sb.append(p.text());
        }
        return sb.toString();
    }
}
