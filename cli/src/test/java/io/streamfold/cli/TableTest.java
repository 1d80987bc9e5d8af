package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table: as wide as the terminal, one row per response, errors in full under it, a summary line. */
class TableTest {

    @TempDir
    Path dir;

    /** The bundled recordings and the widest cases: many tools, wide characters, a long error, a long test_id. */
    private Path wideCases() {
        Synthetic.write(dir, "many/sixteen-tools.jsonl", Synthetic.toolCalls(16, "a_rather_long_tool_name_"));
        Synthetic.write(dir, "many/wide-text.jsonl", Synthetic.text("漢字と絵文字 😀😀😀 が並ぶ長い文章です。".repeat(8), "stop"));
        Synthetic.write(dir, "many/damaged.jsonl", Synthetic.text("ok", null) + "{\"choices\": [}\n");
        Synthetic.write(dir, "many/named.json", "{\"test_id\": \"tests/integration/test_x.py::TestClass::test_" + "y".repeat(150)
                + "[txt=provider/model]\", \"request\": {}, \"response\": {\"is_streaming\": true, \"body\": ["
                + Synthetic.text("hi", "stop").strip() + "]}}");
        return dir.resolve("many");
    }

    private static int widest(String out) {
        return Arrays.stream(out.split("\n")).mapToInt(Cells::width).max().orElse(0);
    }

    @Test
    void at80ColumnsNoLineIsWider() {
        Cli.Result result = new Cli().columns(80).run(TestRecordings.root().toString(), wideCases().toString());

        String table = result.out().substring(0, result.out().indexOf("\n\n"));
        // every line: the table, the errors under it (wrapped) and the summary
        for (String row : result.out().split("\n")) {
            assertThat(Cells.width(row)).as(row).isLessThanOrEqualTo(80);
            assertThat(row.codePointCount(0, row.length())).as(row).isLessThanOrEqualTo(80);
        }
        assertThat(table).contains("16 calls", "漢字", "FAILED", "TestCla", "model]", "file... x2");
    }

    @Test
    void at200ColumnsTheContentShowsMore() {
        String narrow = new Cli().columns(80).run(TestRecordings.path("seeds").toString()).out();
        String wide = new Cli().columns(200).run(TestRecordings.path("seeds").toString()).out();

        assertThat(widest(wide)).isLessThanOrEqualTo(200).isGreaterThan(100);
        assertThat(wide).contains("Llamas are primarily found in Peru, on the continent of South America.");
        assertThat(narrow).doesNotContain("South America.");
        assertThat(widest(narrow)).isLessThanOrEqualTo(80);
    }

    @Test
    void withoutColumnsTheTableIsAHundredWide() {
        Cli.Result result = Cli.of(TestRecordings.root().toString(), wideCases().toString());

        String table = result.out().substring(0, result.out().indexOf("\n\n"));
        assertThat(widest(table)).isLessThanOrEqualTo(100).isGreaterThan(80);
    }

    @Test
    void manyToolCallsCollapseWithACount() {
        Path file = Synthetic.write(dir, "calls.jsonl", Synthetic.toolCalls(16, "t"));
        Synthetic.write(dir, "other.jsonl", Synthetic.text("hi", "stop"));

        String[] rows = new Cli().columns(100).run(dir.toString()).rows();

        assertThat(rows[1]).startsWith("calls.jsonl").contains("tool_calls", "t0, t1, t2");
        String calls = rows[1].substring(rows[1].indexOf("t0"));
        int shown = calls.split(",").length - 1;
        assertThat(shown).isBetween(3, 15);
        assertThat(calls).endsWith(", +" + (16 - shown) + " more");
        assertThat(new Cli().columns(300).run(file.toString(), dir.resolve("other.jsonl").toString()).rows()[1])
                .contains("t13, t14, t15").doesNotContain("more");
    }

    @Test
    void errorsAreListedInFullUnderTheTable() {
        Path damaged = Synthetic.write(dir, "damaged.jsonl", Synthetic.text("ok", null) + "{\"choices\": [}\n");
        String error = Cli.of(damaged.toString()).err().strip().replaceFirst("^streamfold: ", "");

        Cli.Result wide = new Cli().columns(1000).run(TestRecordings.path("seeds").toString(), damaged.toString());
        Cli.Result narrow = new Cli().columns(80).run(TestRecordings.path("seeds").toString(), damaged.toString());

        assertThat(error).hasSizeGreaterThan(80).contains("damaged.jsonl", "chunk 2", "line 2:");
        assertThat(wide.out()).contains("\n" + damaged + ": " + error + "\n");
        // at 80 columns the same words, wrapped, the lines after the first indented
        String notes = narrow.out().substring(narrow.out().indexOf("\n\n") + 2);
        assertThat(notes.replace("\n  ", " ")).contains(damaged + ": " + error + "\n");
        assertThat(notes.lines()).allSatisfy(line -> assertThat(Cells.width(line)).isLessThanOrEqualTo(80));
    }

    @Test
    void theSummaryCountsFilesResponsesFormatsAndOutcomes() {
        Cli.Result result = new Cli().columns(1000).run(TestRecordings.path("real").toString());

        String[] rows = result.rows();
        assertThat(rows[rows.length - 1]).startsWith(TestRecordings.all("real").size() + " files, ")
                .contains("anthropic.messages 1", "bedrock.converse 2", "openai.chat ", " complete, ", " incomplete, ", " failed");
    }

    @Test
    void aLlamaStackRecordingIsNamedByItsTestId() {
        String[] rows = new Cli().columns(300).run(TestRecordings.path("real").toString()).rows();

        assertThat(rows).anyMatch(r -> r.startsWith("test_messages_streaming_collects_full_text[txt=ollama/gpt-oss:20b]"));
        assertThat(rows).anyMatch(r -> r.startsWith("cohere-v2-tool-call--vercel-ai.jsonl")); // no test_id: its path
    }

    @Test
    void aRefusalAndAProviderErrorShowInTheContent() {
        String out = new Cli().columns(160).run(TestRecordings.path("synthetic").toString()).out();

        assertThat(out).contains("refusal: I'm sorry", "error: overloaded_error: Overloaded");
    }

    @Test
    void onlyShowsTheChosenRowsAndStillCountsAll() {
        Path cut = Synthetic.write(dir, "b-cut.jsonl", Synthetic.cut());
        Synthetic.write(dir, "a-good.jsonl", Synthetic.text("fine", "stop"));
        Synthetic.write(dir, "c-damaged.jsonl", "{\"choices\": [}\n");
        Synthetic.write(dir, "d-repeated.jsonl", Synthetic.text("x", "stop") + Synthetic.text("y", null));

        Cli.Result failed = new Cli().columns(1000).run("--only", "failed", dir.toString());
        assertThat(failed.rows()).hasSize(1 + 1 + 1 + 1 + 1 + 1); // header, 1 row, blank, the error, blank, summary
        assertThat(failed.rows()[1]).startsWith("c-damaged.jsonl").contains("FAILED");
        assertThat(failed.out()).contains("4 files, 3 responses");

        Cli.Result incomplete = Cli.of("--only", "incomplete", dir.toString());
        assertThat(incomplete.out()).contains("b-cut.jsonl", "c-damaged.jsonl").doesNotContain("a-good.jsonl");

        Cli.Result warnings = Cli.of("--only", "warnings", dir.toString());
        assertThat(warnings.out()).contains("b-cut.jsonl: warning: ", "d-repeated.jsonl").doesNotContain("a-good.jsonl")
                .doesNotContain("c-damaged.jsonl");
        assertThat(Cli.of("--jsonl", "--only", "failed", dir.toString()).lines()).hasSize(1);
        assertThat(cut).exists();
    }
}
