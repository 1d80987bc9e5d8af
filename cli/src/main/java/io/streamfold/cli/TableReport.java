package io.streamfold.cli;

import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Message;
import io.streamfold.ProviderError;
import io.streamfold.ToolCall;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of recordings, one row per response, laid out to fit the terminal's width: the file
 * (or its llama-stack {@code test_id}), format, neutral finish reason, tool calls and a preview of
 * the content. Errors follow the table in full, then the summary line.
 */
final class TableReport implements Report {

    private static final String[] HEADERS = {"FILE", "FORMAT", "FINISH", "TOOL CALLS", "CONTENT"};
    private static final int GAP = 2;

    /** One response's cells, the tool calls kept whole until the column's width is known. */
    private record Row(String file, String format, String finish, List<ToolCall> calls, String content) {
    }

    private final int width;
    private final Only only;
    private final Tally tally = new Tally();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    TableReport(int width, Only only) {
        this.width = width;
        this.only = only;
    }

    @Override
    public void add(Outcome outcome) {
        tally.add(outcome);
        String file = Cells.flat(outcome.testId() != null ? testName(outcome.testId()) : outcome.label());
        if (outcome.failed()) {
            if (only.shows(outcome)) {
                rows.add(new Row(file, "-", "FAILED", List.of(), Cells.flat(outcome.error().getMessage())));
                notes.add(outcome.name() + ": " + outcome.error().getMessage());
            }
            return;
        }
        if (outcome.skipped() != null) {
            if (only.shows(outcome)) {
                rows.add(new Row(file, "-", "skipped", List.of(), Cells.flat(outcome.skipped())));
            }
            return;
        }
        List<Completion> completions = outcome.completions();
        for (int i = 0; i < completions.size(); i++) {
            Completion c = completions.get(i);
            if (!only.shows(c)) {
                continue;
            }
            String which = completions.size() == 1 ? "" : " (" + (i + 1) + " of " + completions.size() + ")";
            Message m = c.message();
            rows.add(new Row(file + which, c.format() == null ? "-" : c.format().wireName(), finish(c),
                    m == null ? List.of() : m.toolCalls(), Cells.flat(content(c))));
            String where = outcome.name() + which;
            c.error().ifPresent(e -> notes.add(where + ": provider error: " + describe(e)));
            c.problems().forEach(p -> notes.add(where + ": problem: " + p));
            if (only == Only.WARNINGS) {
                c.warnings().forEach(w -> notes.add(where + ": warning: " + w));
            }
        }
    }

    /** A llama-stack test id without its file's path: {@code TestClass::test_name[params]}. */
    static String testName(String testId) {
        int test = testId.indexOf("::");
        return test > 0 && test + 2 < testId.length() ? testId.substring(test + 2) : testId;
    }

    /** The neutral finish reason; {@code (incomplete)} after it unless it is {@code error}, which says as much. */
    private static String finish(Completion c) {
        if (c.finishReason() == null) {
            return "incomplete"; // cut off before it said why
        }
        String finish = c.finishReason().name().toLowerCase(Locale.ROOT);
        return Outcome.incomplete(c) && c.finishReason() != FinishReason.ERROR ? finish + " (incomplete)" : finish;
    }

    /** The text; else a refusal, the provider's error, or the reasoning, marked as such. */
    private static String content(Completion c) {
        Message m = c.message();
        if (!c.text().isEmpty()) {
            return c.text();
        }
        if (m != null && m.refusal() != null && !m.refusal().isEmpty()) {
            return "refusal: " + m.refusal();
        }
        if (c.error().isPresent()) {
            return "error: " + describe(c.error().get());
        }
        if (!c.reasoning().isEmpty()) {
            return "reasoning: " + c.reasoning();
        }
        return "";
    }

    static String describe(ProviderError e) {
        StringBuilder sb = new StringBuilder();
        if (e.type() != null) {
            sb.append(e.type());
        }
        if (e.code() != null && !e.code().equals(e.type())) {
            sb.append(sb.length() == 0 ? "" : " ").append('(').append(e.code()).append(')');
        }
        if (e.message() != null) {
            sb.append(sb.length() == 0 ? "" : ": ").append(e.message());
        }
        return sb.length() == 0 ? "(no details)" : sb.toString();
    }

    @Override
    public void finish(Writer out) throws IOException {
        int[] widths = layout();
        line(out, HEADERS, widths);
        for (Row row : rows) {
            String[] cells = {row.file(), row.format(), row.finish(), ToolNames.cell(row.calls(), widths[3]), row.content()};
            line(out, cells, widths);
        }
        // In full, but wrapped to the width: nothing the table prints is wider than the terminal.
        if (!notes.isEmpty()) {
            out.write('\n');
            for (String note : notes) {
                out.write(Cells.wrap(Cells.flat(note), width));
                out.write('\n');
            }
        }
        out.write('\n');
        out.write(Cells.wrap(tally.summary(), width));
        out.write('\n');
    }

    @Override
    public int status() {
        return tally.status();
    }

    /** Each column's width: format and finish as wide as they need, the rest shared out, content last. */
    private int[] layout() {
        int[] natural = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            natural[i] = HEADERS[i].length();
        }
        for (Row row : rows) {
            natural[0] = Math.max(natural[0], Cells.width(row.file()));
            natural[1] = Math.max(natural[1], Cells.width(row.format()));
            natural[2] = Math.max(natural[2], Cells.width(row.finish()));
            natural[3] = Math.max(natural[3], Cells.width(ToolNames.cell(row.calls(), Integer.MAX_VALUE)));
            natural[4] = Math.max(natural[4], Cells.width(row.content()));
        }
        int[] widths = new int[HEADERS.length];
        int room = width - GAP * (HEADERS.length - 1);
        widths[1] = Math.min(natural[1], Math.max(6, room / 5));
        widths[2] = Math.min(natural[2], Math.max(6, room / 5));
        int rest = room - widths[1] - widths[2];
        widths[0] = Math.min(natural[0], Math.max(HEADERS[0].length(), rest * 2 / 5));
        widths[3] = Math.min(natural[3], Math.max(HEADERS[3].length(), rest / 5));
        widths[4] = Math.max(HEADERS[4].length(), rest - widths[0] - widths[3]);
        // Room the content does not need goes back to the tool calls, then to the file.
        int spare = widths[4] - Math.max(HEADERS[4].length(), natural[4]);
        if (spare > 0) {
            int toCalls = Math.min(spare, natural[3] - widths[3]);
            widths[3] += toCalls;
            spare -= toCalls;
            widths[0] += Math.min(spare, natural[0] - widths[0]);
            widths[4] = Math.max(HEADERS[4].length(), natural[4]);
        }
        return widths;
    }

    private void line(Writer out, String[] cells, int[] widths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = i == 0 ? Cells.cutMiddle(cells[i], widths[i]) : Cells.cut(cells[i], widths[i]);
            sb.append(i == cells.length - 1 ? cell : Cells.pad(cell, widths[i] + GAP));
        }
        // The last safeguard for widths too narrow to share out: never wider than the terminal.
        out.write(Cells.cut(sb.toString().stripTrailing(), width));
        out.write('\n');
    }
}
