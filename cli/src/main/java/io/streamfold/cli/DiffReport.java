package io.streamfold.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Difference;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** What {@code diff} found, pair by pair, readable or as JSON Lines, with a summary line; its exit status. */
final class DiffReport {

    private final JsonFactory factory = new JsonFactory();
    private final Writer out;
    private final PrintStream err;
    private final boolean jsonl;
    private int pairs;
    private int equivalent;
    private int differ;
    private int oneSided;
    private int failed;

    DiffReport(Writer out, PrintStream err, boolean jsonl) {
        this.out = out;
        this.err = err;
        this.jsonl = jsonl;
    }

    void add(DiffPairs.Compared compared) {
        try {
            write(compared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(DiffPairs.Compared c) throws IOException {
        DiffPairs.Pair pair = c.pair();
        if (c.oneSided()) {
            oneSided++;
            String side = pair.old() == null ? "NEW" : "OLD";
            String path = String.valueOf(pair.old() == null ? pair.young() : pair.old());
            if (jsonl) {
                line(pair, -1, null, "only in " + side);
            } else {
                out.write("only in " + side + ": " + path + "\n");
            }
            return;
        }
        pairs++;
        if (c.failed()) {
            failed++;
            for (Outcome side : List.of(c.old(), c.young())) {
                if (side.failed()) {
                    err.println("streamfold: " + side.error().getMessage());
                }
            }
            return;
        }
        if (c.equivalent()) {
            equivalent++;
            return;
        }
        differ++;
        if (!jsonl) {
            out.write(pair.old() + " -> " + pair.young() + "\n");
        }
        if (c.countsDiffer()) {
            String what = c.old().skipped() != null || c.young().skipped() != null
                    ? "skipped: " + (c.old().skipped() != null ? "old" : "new") + " holds no LLM response"
                    : "responses: " + c.old().completions().size() + " -> " + c.young().completions().size();
            if (jsonl) {
                line(pair, -1, null, what);
            } else {
                out.write("  " + what + "\n");
            }
        }
        List<List<Difference>> all = c.differences();
        for (int response = 0; response < all.size(); response++) {
            for (Difference d : all.get(response)) {
                if (jsonl) {
                    line(pair, response, d, d.what());
                } else {
                    String where = all.size() > 1 ? "response " + response + " " : "";
                    out.write("  " + where + d.path() + ": " + d.what() + ": " + PlainJson.brief(d.expected()) + " -> "
                            + PlainJson.brief(d.actual()) + "\n");
                }
            }
        }
    }

    private void line(DiffPairs.Pair pair, int response, Difference d, String what) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("old", pair.old() == null ? null : pair.old().toString());
        g.writeStringField("new", pair.young() == null ? null : pair.young().toString());
        if (response >= 0) {
            g.writeNumberField("response", response);
        }
        if (d != null) {
            g.writeStringField("pointer", d.path());
        }
        g.writeStringField("what", what);
        if (d != null) {
            g.writeFieldName("expected");
            PlainJson.write(g, d.expected());
            g.writeFieldName("actual");
            PlainJson.write(g, d.actual());
        }
        g.writeEndObject();
        g.close();
        out.write('\n');
    }

    void finish() throws IOException {
        if (jsonl) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pairs).append(pairs == 1 ? " pair: " : " pairs: ").append(equivalent).append(" equivalent, ")
                .append(differ).append(" differ");
        if (failed > 0) {
            sb.append(", ").append(failed).append(" could not be read");
        }
        if (oneSided > 0) {
            sb.append("; ").append(oneSided).append(" in one folder only");
        }
        out.write(sb.append('\n').toString());
    }

    int status() {
        if (failed > 0) {
            return 2;
        }
        return differ > 0 || oneSided > 0 ? 1 : 0;
    }
}
