package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incremental reader reads an event of a format that folds at the chunk's end before its
 * framer has seen it, up to the last line break that has arrived, and undoes the read when the
 * event goes on past it. Events over several lines (pretty-printed JSON Lines, SSE events of
 * several {@code data:} lines), damaged ones among them and a second response after them, fed
 * in any split, give what {@code assemble} gives: the same completions, or the same problems
 * (chunk, line, column, path), in strict and lenient mode.
 */
class UnframedStepTest {

    private static final AssemblerOptions STRICT = AssemblerOptions.defaults();
    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);
    private static final byte[] DAMAGE = {'"', '\\', '{', '}', ',', ':', '\n', 'x', '0'};

    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of("Anthropic JSON Lines, some events pretty-printed", jsonLines(false), true),
                // assemble takes one response: a second is a located error, the same fed in pieces
                Arguments.of("Anthropic JSON Lines, two responses", jsonLines(true), false),
                Arguments.of("Anthropic raw SSE, some events over several data lines", sse(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everySplitPointGivesWhatAssembleGives(String name, byte[] input, boolean folds) {
        for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
            Outcome whole = Outcome.assemble(input, options);
            assertThat(whole.completion() != null).as("%s folds (%s)", name, whole.problem()).isEqualTo(folds || options.lenient());
            for (int cut = 0; cut <= input.length; cut++) {
                assertSame(input, whole, options, new int[] {cut});
            }
            Random random = new Random(name.hashCode());
            for (int i = 0; i < 40; i++) {
                assertSame(input, whole, options, random.ints(1 + random.nextInt(60), 0, input.length + 1).sorted()
                        .toArray());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void aDamagedByteGivesWhatAssembleGives(String name, byte[] input, boolean folds) {
        Random random = new Random(name.hashCode() * 31L);
        for (int at = 0; at < input.length; at++) {
            byte[] damaged = input.clone();
            byte value = DAMAGE[random.nextInt(DAMAGE.length)];
            damaged[at] = value == input[at] ? (byte) 'x' : value;
            for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
                Outcome whole = Outcome.assemble(damaged, options);
                assertSame(damaged, whole, options, new int[] {at, at + 1});
                assertSame(damaged, whole, options, random.ints(1 + random.nextInt(40), 0, damaged.length + 1)
                        .sorted().toArray());
            }
        }
    }

    private static void assertSame(byte[] input, Outcome whole, AssemblerOptions options, int[] cuts) {
        assertThat(Outcome.incremental(input, cuts, options))
                .as("%s%nfed cut at %s (lenient: %s)", new String(input, StandardCharsets.UTF_8),
                        cuts.length > 30 ? cuts.length + " places" : Arrays.toString(cuts), options.lenient())
                .isEqualTo(whole);
    }

    /** The events of one response: a text block, pings, a tool-use block, the end. */
    private static String[] events(String id) {
        return new String[] {
            "{\"type\":\"message_start\",\"message\":{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}",
            "{\"type\":\"ping\"}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo \\\"you\\\"\"}}",
            "{\"type\":\"content_block_stop\",\"index\":0}",
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                    + "\"name\":\"get_weather\",\"input\":{}}}",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":\"{\\\"city\\\": \"}}",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":\"\\\"Paris\\\"}\"}}",
            "{\"type\":\"content_block_stop\",\"index\":1}",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":12}}",
            "{\"type\":\"message_stop\"}"};
    }

    /** Every third event broken over lines after its commas and colons. */
    private static String spread(String event, String lineBreak) {
        return event.replace(",", "," + lineBreak).replace("\":{", "\":" + lineBreak + "{");
    }

    private static byte[] jsonLines(boolean twoResponses) {
        StringBuilder out = new StringBuilder();
        String[] events = events("msg_1");
        for (int i = 0; i < events.length; i++) {
            out.append(i % 3 == 1 ? spread(events[i], "\n  ") : events[i]).append('\n');
        }
        if (twoResponses) {
            for (String event : events("msg_2")) {
                out.append(event).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sse() {
        StringBuilder out = new StringBuilder();
        String[] events = events("msg_1");
        for (int i = 0; i < events.length; i++) {
            String type = events[i].substring(9, events[i].indexOf('"', 9));
            out.append("event: ").append(type).append('\n');
            out.append("data: ").append(i % 3 == 1 ? spread(events[i], "\ndata: ") : events[i]).append("\n\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
