package io.streamfold.cli;

import io.streamfold.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tool-call cell: the names in order, repeats counted ({@code get_weather x2}), collapsed to fit. */
final class ToolNames {

    private ToolNames() {
    }

    static String cell(List<ToolCall> calls, int columns) {
        if (calls.isEmpty()) {
            return "-";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ToolCall call : calls) {
            counts.merge(call.name() == null ? "?" : Cells.flat(call.name()), 1, Integer::sum);
        }
        String[] names = new String[counts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            names[n++] = e.getValue() > 1 ? e.getKey() + " x" + e.getValue() : e.getKey();
        }
        String all = String.join(", ", names);
        if (Cells.width(all) <= columns) {
            return all;
        }
        // As many names as fit, then how many calls the cut ones are.
        StringBuilder shown = new StringBuilder();
        int callsShown = 0;
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String candidate = (shown.length() == 0 ? "" : shown + ", ") + names[i];
            String rest = ", +" + (calls.size() - callsShown - e.getValue()) + " more";
            if (Cells.width(candidate + rest) > columns) {
                break;
            }
            shown.setLength(0);
            shown.append(candidate);
            callsShown += e.getValue();
            i++;
        }
        if (shown.length() == 0) {
            // Not even the first name fits whole: as much of it as fits, then the count of the others.
            Map.Entry<String, Integer> first = counts.entrySet().iterator().next();
            int others = calls.size() - first.getValue();
            String repeats = first.getValue() > 1 ? " x" + first.getValue() : "";
            String rest = repeats + (others == 0 ? "" : ", +" + others + " more");
            if (Cells.width(rest) + 6 > columns) {
                return Cells.cut(calls.size() + (calls.size() == 1 ? " call" : " calls"), columns);
            }
            return Cells.cut(first.getKey(), columns - Cells.width(rest)) + rest;
        }
        return shown + ", +" + (calls.size() - callsShown) + " more";
    }
}
