package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Warning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code .done} events and {@code output_item.done} of a Responses stream repeat what the
 * deltas built: one that agrees changes nothing; one that disagrees is reported
 * ({@code stream-mismatch}) and its value kept, whatever order its keys come in.
 */
class ResponsesDoneChecksTest {

    private static final String TEXT = "Paris is mild in May.";
    private static final String ARGS = "{\"city\":\"Paris\"}";

    private static String event(String json) {
        return "data: " + json + "\n\n";
    }

    private static String start() {
        return opening()
                + event("{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"Paris is \"}")
                + event("{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"mild in May.\"}");
    }

    /** The response, its message item and its text part, before any delta. */
    private static String opening() {
        return event("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4.1\",\"output\":[]}}")
                + event("{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"content\":[]}}")
                + event("{\"type\":\"response.content_part.added\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                        + "\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}");
    }

    private static String delta(String text) {
        return event("{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                + "\"delta\":" + quoted(text, true) + "}");
    }

    private static String call(String doneArgs, String itemArgs) {
        return event("{\"type\":\"response.output_item.added\",\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"weather\",\"arguments\":\"\",\"status\":\"in_progress\"}}")
                + event("{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"output_index\":1,"
                        + "\"delta\":\"{\\\"city\\\":\"}")
                + event("{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"output_index\":1,"
                        + "\"delta\":\"\\\"Paris\\\"}\"}")
                + event("{\"type\":\"response.function_call_arguments.done\",\"item_id\":\"fc_1\",\"output_index\":1,"
                        + "\"arguments\":" + quoted(doneArgs) + "}")
                + event("{\"type\":\"response.output_item.done\",\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                        + "\"call_id\":\"call_1\",\"name\":\"weather\",\"arguments\":" + quoted(itemArgs) + ",\"status\":\"completed\"}}");
    }

    private static String textDone(String text) {
        return event("{\"type\":\"response.output_text.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                + "\"text\":" + quoted(text) + "}")
                + event("{\"type\":\"response.content_part.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                        + "\"part\":{\"type\":\"output_text\",\"text\":" + quoted(text) + ",\"annotations\":[]}}")
                + event("{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\","
                        + "\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":"
                        + quoted(text) + ",\"annotations\":[]}]}}");
    }

    private static String quoted(String s) {
        return quoted(s, false);
    }

    /** A JSON string; {@code unicode}: every non-ASCII char as a \\u escape, else only é (the rest raw UTF-8). */
    private static String quoted(String s, boolean unicode) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 || c == 'é' || unicode && c >= 0x80 ? String.format("\\u%04x", (int) c) : c);
            }
        }
        return b.append('"').toString();
    }

    private static Completion fold(String sse) {
        return fold(sse.getBytes(StandardCharsets.UTF_8));
    }

    private static Completion fold(byte[] sse) {
        return Fed.sameInPieces(sse);
    }

    private static List<Warning> mismatches(Completion c) {
        return c.warnings().stream().filter(w -> w.code().id().equals("stream-mismatch")).toList();
    }

    @Test
    void doneEventsThatAgreeChangeNothing() {
        Completion c = fold(start() + textDone(TEXT) + call(ARGS, ARGS));
        assertThat(mismatches(c)).isEmpty();
        assertThat(c.message().content()).isEqualTo(TEXT);
        assertThat(c.message().toolCalls().get(0).arguments()).isEqualTo(ARGS);
    }

    @Test
    void aTextDoneThatDisagreesIsReportedAndKept() {
        Completion c = fold(start() + textDone("Paris is warm in May."));
        assertThat(mismatches(c)).singleElement().satisfies(w -> {
            assertThat(w.message()).contains("built 'Paris is mild in May.'").contains("says 'Paris is warm in May.'");
            assertThat(w.chunk()).isEqualTo(6);
        });
        assertThat(c.message().content()).isEqualTo("Paris is warm in May.");
    }

    @Test
    void aTextDoneLongerOrShorterThanTheDeltasIsReportedAndKept() {
        assertThat(fold(start() + textDone(TEXT + " And sunny.")).message().content()).isEqualTo(TEXT + " And sunny.");
        assertThat(fold(start() + textDone("Paris")).message().content()).isEqualTo("Paris");
        assertThat(mismatches(fold(start() + textDone("Paris")))).hasSize(1);
    }

    @Test
    void aTextDoneWhoseTextComesBeforeItsTypeIsCheckedToo() {
        String done = event("{\"text\":\"Paris is warm in May.\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                + "\"type\":\"response.output_text.done\"}");
        Completion c = fold(start() + done);
        assertThat(mismatches(c)).hasSize(1);
        assertThat(c.message().content()).isEqualTo("Paris is warm in May.");
    }

    @Test
    void aTextDoneForAPartNeverStartedStartsIt() {
        String done = event("{\"type\":\"response.output_text.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":1,"
                + "\"text\":\"A second part.\"}");
        Completion c = fold(start() + done);
        assertThat(c.message().content()).isEqualTo(TEXT + "A second part.");
    }

    @Test
    void argumentsDoneThatDisagreeAreReportedAndKept() {
        Completion c = fold(start() + textDone(TEXT) + call("{\"city\":\"Lyon\"}", "{\"city\":\"Lyon\"}"));
        assertThat(mismatches(c)).singleElement().satisfies(w -> assertThat(w.message())
                .contains("built '" + ARGS + "'").contains("says '{\"city\":\"Lyon\"}'"));
        assertThat(c.message().toolCalls().get(0).arguments()).isEqualTo("{\"city\":\"Lyon\"}");
    }

    @Test
    void anItemDoneWhoseArgumentsDisagreeIsReportedAndKept() {
        Completion c = fold(start() + textDone(TEXT) + call(ARGS, "{\"city\":\"Nice\"}"));
        assertThat(mismatches(c)).singleElement().satisfies(w -> {
            assertThat(w.message()).contains("says '{\"city\":\"Nice\"}'");
            assertThat(w.chunk()).isEqualTo(13);
        });
        assertThat(c.message().toolCalls().get(0).arguments()).isEqualTo("{\"city\":\"Nice\"}");
    }

    @Test
    void theOutputWithoutAFinalResponseIsWhatTheItemsSaid() {
        Completion c = fold(start() + textDone(TEXT) + call(ARGS, ARGS));
        String json = c.toJson();
        assertThat(json).contains("\"status\":\"completed\"").contains("\"content\":[{\"type\":\"output_text\",\"text\":\""
                + TEXT + "\"");
        assertThat(json).contains("\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"");
    }
    private static String completed(String text, String args) {
        return event("{\"type\":\"response.completed\",\"sequence_number\":20,\"response\":{\"id\":\"resp_1\","
                + "\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-4.1\",\"output\":["
                + "{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"content\":[{\"type\":\"output_text\","
                + "\"annotations\":[],\"text\":" + quoted(text) + "}],\"role\":\"assistant\"},"
                + "{\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"completed\",\"arguments\":" + quoted(args)
                + ",\"call_id\":\"call_1\",\"name\":\"weather\"}],\"usage\":{\"input_tokens\":5,\"output_tokens\":9}}}");
    }

    @Test
    void aFinalResponseThatAgreesChangesNothingAndIsTheOutput() {
        Completion c = fold(start() + textDone(TEXT) + call(ARGS, ARGS) + completed(TEXT, ARGS));
        assertThat(mismatches(c)).isEmpty();
        assertThat(c.message().content()).isEqualTo(TEXT);
        assertThat(c.message().toolCalls().get(0).arguments()).isEqualTo(ARGS);
        assertThat(c.toJson()).contains("\"annotations\":[],\"text\":\"" + TEXT + "\"")
                .contains("\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\",\"call_id\":\"call_1\"");
    }

    @Test
    void aFinalResponseWhoseTextDisagreesIsReportedAndReplacesTheDeltas() {
        Completion c = fold(start() + textDone(TEXT) + call(ARGS, ARGS) + completed("Paris is warm in May.", ARGS));
        assertThat(mismatches(c)).singleElement().satisfies(w -> assertThat(w.message())
                .contains("built 'Paris is mild in May.'").contains("final response says 'Paris is warm in May.'"));
        assertThat(c.message().content()).isEqualTo("Paris is warm in May.");
        assertThat(c.toJson()).contains("\"text\":\"Paris is warm in May.\"").doesNotContain("mild");
    }

    @Test
    void aFinalResponseShorterOrLongerThanTheDeltasIsReportedAndKept() {
        for (String text : List.of("Paris", TEXT + " And sunny.", "")) {
            Completion c = fold(start() + textDone(TEXT) + call(ARGS, ARGS) + completed(text, ARGS));
            assertThat(mismatches(c)).as(text).hasSize(1);
            assertThat(c.message().content()).as(text).isEqualTo(text);
        }
    }

    @Test
    void aFinalResponseWhoseArgumentsDisagreeIsReportedAndKept() {
        Completion c = fold(start() + textDone(TEXT) + call(ARGS, ARGS) + completed(TEXT, "{\"city\":\"Lyon\"}"));
        assertThat(mismatches(c)).singleElement().satisfies(w -> assertThat(w.message())
                .contains("built arguments '" + ARGS + "'").contains("final response says '{\"city\":\"Lyon\"}'"));
        assertThat(c.message().toolCalls().get(0).arguments()).isEqualTo("{\"city\":\"Lyon\"}");
    }

    /**
     * Texts of a few hundred kilobytes, with escapes and characters of one to four UTF-8 bytes,
     * cross the parser's input buffer many times, and reads of odd sizes cut their sequences
     * anywhere: the repeats are compared piece by piece as they are decoded, and agree; a repeat
     * that differs only near its end is reported and kept whole.
     */
    @Test
    void longRepeatsOfEveryKindOfCharacterAreComparedAcrossTheParsersBuffers() throws Exception {
        String[] words = {"Paris ", "é", "naïve ", "日本語 ", "😀", "\"quoted\" ", "back\\slash ", "tab\t", "line\n", "\u0001", "€"};
        StringBuilder text = new StringBuilder();
        StringBuilder deltas = new StringBuilder();
        java.util.Random random = new java.util.Random(12);
        while (text.length() < 150_000) {
            StringBuilder piece = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                piece.append(words[random.nextInt(words.length)]);
            }
            text.append(piece);
            deltas.append(delta(piece.toString()));
        }
        String built = text.toString();
        String other = built.substring(0, built.length() - 3) + "end";

        for (String repeat : List.of(built, other)) {
            byte[] sse = (opening() + deltas + textDone(repeat) + call(ARGS, ARGS) + completed(repeat, ARGS))
                    .getBytes(StandardCharsets.UTF_8);
            Completion c = fold(sse);
            assertThat(ChunkAssembler.assemble(new OddReads(sse))).isEqualTo(c);
            assertThat(c.message().content()).isEqualTo(repeat);
            // The text's .done differs and is kept: the later repeats agree with it
            assertThat(mismatches(c)).hasSize(repeat.equals(built) ? 0 : 1);
        }
    }

    /** Reads of 997 bytes or fewer, so that the parser's buffer ends anywhere in a sequence. */
    private static final class OddReads extends java.io.ByteArrayInputStream {
        OddReads(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 997));
        }
    }
}
