package io.streamfold.cli;

import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A table of several files: file, format, chunks, finish reason, tool calls, content preview. */
final class TableReport {

    private static final String[] HEADERS = {"FILE", "FORMAT", "CHUNKS", "FINISH", "TOOL CALLS", "CONTENT"};
    static final int PREVIEW = 48;

    private final List<String[]> rows = new ArrayList<>();

    void add(String path, Outcome outcome) {
        if (outcome.completion() != null) {
            Completion c = outcome.completion();
            Message m = c.message();
            String tools = m == null || m.toolCalls().isEmpty() ? "-"
                    : m.toolCalls().size() + " " + m.toolCalls().stream().map(t -> String.valueOf(t.name()))
                            .collect(Collectors.joining(","));
            // A message that only calls tools shows their arguments, whether its content is null or "" (Ollama).
            String content = m == null ? "" : preview(m.content() != null && !m.content().isEmpty() ? m.content() : argumentsOf(m));
            String finish = c.finishReason() == null ? "(none)" : c.finishReason() + " (" + c.rawFinishReason() + ")";
            if (!c.problems().isEmpty()) {
                finish += " (incomplete)";
            }
            rows.add(new String[] {path, String.valueOf(c.format()), String.valueOf(c.chunkCount()), finish, tools, content});
        } else if (outcome.skipped() != null) {
            rows.add(new String[] {path, "-", "-", "skipped", "-", preview(outcome.skipped())});
        } else {
            rows.add(new String[] {path, "-", "-", "ERROR", "-", preview(outcome.error().getMessage())});
        }
    }

    private static String argumentsOf(Message m) {
        return m.toolCalls().isEmpty() ? "" : m.toolCalls().stream().map(ToolCall::arguments).collect(Collectors.joining(" "));
    }

    static String preview(String text) {
        String flat = text.replace("\r", "").replace('\n', ' ').replace('\t', ' ');
        if (flat.length() <= PREVIEW) {
            return flat;
        }
        int end = PREVIEW - 3;
        if (Character.isHighSurrogate(flat.charAt(end - 1))) {
            end--; // never half an emoji
        }
        return flat.substring(0, end) + "...";
    }

    void write(Writer out) throws IOException {
        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        line(out, HEADERS, widths);
        for (String[] row : rows) {
            line(out, row, widths);
        }
    }

    private static void line(Writer out, String[] cells, int[] widths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.write(sb.toString().stripTrailing());
        out.write('\n');
    }
}
