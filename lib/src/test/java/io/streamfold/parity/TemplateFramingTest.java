package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.IncrementalAssembler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incremental reader frames most chunks by comparing them with an earlier chunk: streams of
 * near-identical chunks whose differences fall where such a comparison could go wrong (quotes,
 * escaped quotes, backslash runs, brackets inside strings, an extra nested object, a chunk longer
 * or shorter than the ones before, a damaged byte) give what {@code assemble} gives, fed in any
 * split, in JSON Lines, raw SSE (chat and Anthropic) and a pretty-printed llama-stack recording;
 * and each chunk is folded as soon as its last byte has arrived.
 */
class TemplateFramingTest {

    private static final AssemblerOptions STRICT = AssemblerOptions.defaults();
    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);
    /** Deltas as text: quotes, backslash runs before quotes, brackets, JSON, long and empty ones. */
    private static final String[] DELTAS = {"Hello", " world", "say \"hi\"", "\\", "\\\\\"", "C:\\path\\", "{\"a\":[1,{}]}",
        "}]", "[{", "\\\\\\\\\"", "\"\"\"", "", "x".repeat(300), "tab\there", "caf\u00e9 \u2603", "]}\"}", ","};
    private static final byte[] DAMAGE = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x', '0'};

    static Stream<Arguments> streams() {
        Random random = new Random(2026);
        List<String> deltas = deltas(random, 24);
        // Escapes before the difference: where a comparison leaves off inside a string after them.
        List<String> escaped = new ArrayList<>();
        for (String delta : deltas(random, 24)) {
            escaped.add((escaped.size() % 2 == 0 ? "a \"quoted\" \\\" " : "C:\\dir\\") + delta);
        }
        return Stream.of(
                Arguments.of("chat JSON Lines, escapes before the differences", jsonLines(chatChunks(escaped, false))),
                Arguments.of("Anthropic raw SSE, escapes before the differences", anthropicSse(escaped)),
                Arguments.of("chat JSON Lines", jsonLines(chatChunks(deltas, false))),
                Arguments.of("chat JSON Lines with tool calls", jsonLines(chatChunks(deltas, true))),
                Arguments.of("chat raw SSE", chatSse(chatChunks(deltas, false))),
                Arguments.of("Anthropic raw SSE", anthropicSse(deltas)),
                Arguments.of("llama-stack recording, indent 2", recording(chatChunks(deltas, true))),
                Arguments.of("llama-stack recording, indent 2, escapes", recording(chatChunks(escaped, false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everySplitPointGivesWhatAssembleGives(String name, byte[] input) {
        for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
            Outcome whole = Outcome.assemble(input, options);
            assertThat(whole.completion()).as("%s folds", name).isNotNull();
            for (int cut = 0; cut <= input.length; cut++) {
                assertSame(input, whole, options, new int[] {cut});
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void randomSplitsGiveWhatAssembleGives(String name, byte[] input) {
        Random random = new Random(name.hashCode());
        Outcome whole = Outcome.assemble(input, STRICT);
        assertSame(input, whole, STRICT, IntStream.range(1, input.length).toArray());
        for (int i = 0; i < 60; i++) {
            assertSame(input, whole, STRICT, randomCuts(random, input.length, 1 + random.nextInt(i < 30 ? 200 : 8)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void aDamagedByteInAChunkLikeTheOthersGivesWhatAssembleGives(String name, byte[] input) {
        Random random = new Random(name.hashCode() * 31L);
        // Every byte of a chunk in the middle, where templates of the chunks before it are in use.
        int from = indexOf(input, "Hello".getBytes(StandardCharsets.UTF_8), input.length / 2);
        int start = Math.max(0, from - 120);
        for (int at = start; at < Math.min(input.length, from + 120); at++) {
            byte[] damaged = input.clone();
            byte value = DAMAGE[random.nextInt(DAMAGE.length)];
            damaged[at] = value == input[at] ? (byte) 'x' : value;
            for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
                Outcome whole = Outcome.assemble(damaged, options);
                assertSame(damaged, whole, options, new int[0]);
                assertSame(damaged, whole, options, new int[] {at, at + 1});
                assertSame(damaged, whole, options, randomCuts(random, damaged.length, 1 + random.nextInt(300)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void aChunkIsFoldedAsSoonAsItsLastByteHasArrived(String name, byte[] input) {
        Random random = new Random(name.hashCode() * 17L);
        int level = input[0] == '{' && input[1] == '\n' ? 3 : 0; // a recording's body items, or top-level chunks
        for (int end : chunkEnds(input, level)) {
            byte[] head = Arrays.copyOf(input, end);
            String expected = ChunkAssembler.assemble(head, LENIENT).text();
            for (int[] cuts : new int[][] {{}, randomCuts(random, end, 1 + random.nextInt(40))}) {
                IncrementalAssembler assembler = ChunkAssembler.incremental();
                int from = 0;
                for (int cut : cuts) {
                    assembler.feed(head, from, cut - from);
                    from = cut;
                }
                assembler.feed(head, from, end - from);
                assertThat(assembler.snapshot().text()).as("%s, fed up to the chunk ending at %d, cut at %s", name, end,
                        Arrays.toString(cuts)).isEqualTo(expected);
            }
        }
    }

    /** Where the objects at nesting {@code level} end: an oracle as plain as can be. */
    private static List<Integer> chunkEnds(byte[] input, int level) {
        List<Integer> ends = new ArrayList<>();
        int nesting = 0;
        boolean inString = false;
        for (int i = 0; i < input.length; i++) {
            byte c = input[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                nesting++;
            } else if ((c == '}' || c == ']') && --nesting == level && c == '}') {
                ends.add(i + 1);
            }
        }
        return ends;
    }

    @Test
    void eachChunkIsFoldedWhenItsLastByteArrives() {
        List<String> deltas = deltas(new Random(3), 40);
        List<String> chunks = chatChunks(deltas, false);
        for (boolean pretty : new boolean[] {false, true}) {
            IncrementalAssembler assembler = ChunkAssembler.incremental();
            StringBuilder folded = new StringBuilder();
            for (int i = 0; i < chunks.size(); i++) {
                byte[] chunk = ((pretty ? indent(chunks.get(i), 0) : chunks.get(i)) + "\n").getBytes(StandardCharsets.UTF_8);
                int last = chunk.length - 1; // the line break: the chunk ends with the byte before it
                assembler.feed(chunk, 0, last);
                if (i > 0 && i <= deltas.size()) {
                    folded.append(deltas.get(i - 1));
                }
                assertThat(assembler.snapshot().text()).as("after chunk %d (pretty: %s)", i, pretty)
                        .isEqualTo(folded.toString());
                assembler.feed(chunk, last, 1);
            }
            assertThat(assembler.finish().text()).isEqualTo(folded.toString());
        }
    }

    private static void assertSame(byte[] input, Outcome whole, AssemblerOptions options, int[] cuts) {
        assertThat(Outcome.incremental(input, cuts, options))
                .as("%s%nfed cut at %s (lenient: %s)", new String(input, StandardCharsets.UTF_8),
                        cuts.length > 30 ? cuts.length + " places" : Arrays.toString(cuts), options.lenient())
                .isEqualTo(whole);
    }

    private static int[] randomCuts(Random random, int length, int count) {
        return random.ints(count, 0, length + 1).sorted().toArray();
    }

    private static int indexOf(byte[] input, byte[] what, int from) {
        for (int i = from; i + what.length <= input.length; i++) {
            if (Arrays.equals(input, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return from;
    }

    /** Runs of the same delta, so that chunks repeat exactly too, among the tricky ones. */
    private static List<String> deltas(Random random, int count) {
        List<String> deltas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deltas.add(i % 4 == 0 ? "Hello" : DELTAS[random.nextInt(DELTAS.length)]);
        }
        return deltas;
    }

    /**
     * A role chunk, one chunk per delta (one with an extra nested object, one with a field fewer),
     * a finish chunk and a usage chunk; or the deltas as a tool call's argument fragments.
     */
    private static List<String> chatChunks(List<String> deltas, boolean tools) {
        String head = "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":";
        List<String> chunks = new ArrayList<>();
        chunks.add(head + "{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
        for (int i = 0; i < deltas.size(); i++) {
            String delta = tools
                    ? "{\"tool_calls\":[{\"index\":0," + (i == 0 ? "\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                            + "{\"name\":\"get_weather\",\"arguments\":\"" : "\"function\":{\"arguments\":\"")
                            + escape(deltas.get(i)) + "\"}}]}"
                    : "{\"content\":\"" + escape(deltas.get(i)) + "\"}";
            String logprobs = i == 5 ? "{\"content\":[{\"token\":\"}\",\"bytes\":[125],\"top_logprobs\":[]}]}" : "null";
            String tail = i == 9 ? "}]}" : ",\"finish_reason\":null}]}";
            chunks.add(head + delta + ",\"logprobs\":" + logprobs + tail);
        }
        chunks.add(head + "{},\"logprobs\":null,\"finish_reason\":\"" + (tools ? "tool_calls" : "stop") + "\"}]}");
        chunks.add("{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}}");
        return chunks;
    }

    private static byte[] jsonLines(List<String> chunks) {
        return (String.join("\n", chunks) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chatSse(List<String> chunks) {
        StringBuilder sse = new StringBuilder();
        for (String chunk : chunks) {
            sse.append("data: ").append(chunk).append("\n\n");
        }
        return sse.append("data: [DONE]\n\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A text block and a tool-use block, with pings among the deltas, as the Messages API sends them. */
    private static byte[] anthropicSse(List<String> deltas) {
        StringBuilder sse = new StringBuilder();
        event(sse, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
        event(sse, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}");
        for (int i = 0; i < deltas.size(); i++) {
            if (i % 7 == 3) {
                event(sse, "ping", "{\"type\":\"ping\"}");
            }
            event(sse, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + "{\"type\":\"text_delta\",\"text\":\"" + escape(deltas.get(i)) + "\"}}");
        }
        event(sse, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        event(sse, "content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}");
        for (String fragment : new String[] {"", "{\"loc", "ation\": \"Par", "is\\\\\"}", "\"]}"}) {
            event(sse, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":\"" + escape(fragment) + "\"}}");
        }
        event(sse, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}");
        event(sse, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":30}}");
        event(sse, "message_stop", "{\"type\":\"message_stop\"}");
        return sse.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void event(StringBuilder sse, String name, String data) {
        sse.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
    }

    /** A llama-stack recording of the chunks, written as Python's json.dumps(indent=2) writes it. */
    private static byte[] recording(List<String> chunks) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < chunks.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"__type__\":\"openai.types.chat.chat_completion_chunk.ChatCompletionChunk\","
                    + "\"__data__\":").append(chunks.get(i)).append('}');
        }
        String recording = "{\"test_id\":\"tests/test_streaming.py::test_chat\",\"request\":{\"method\":\"POST\","
                + "\"url\":\"https://api.openai.com/v1/chat/completions\",\"body\":{\"model\":\"gpt-4o\",\"stream\":true}},"
                + "\"response\":{\"body\":" + body + "],\"is_streaming\":true}}";
        return indent(recording, 0).getBytes(StandardCharsets.UTF_8);
    }

    /** Compact JSON indented by two spaces a level, with ": " after names, as json.dumps(indent=2). */
    private static String indent(String json, int level) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if ((c == '{' || c == '[') && (json.charAt(i + 1) == '}' || json.charAt(i + 1) == ']')) {
                out.append(c).append(json.charAt(++i));
            } else if (c == '{' || c == '[') {
                out.append(c).append('\n').append("  ".repeat(++level));
            } else if (c == '}' || c == ']') {
                out.append('\n').append("  ".repeat(--level)).append(c);
            } else if (c == ',') {
                out.append(",\n").append("  ".repeat(level));
            } else if (c == ':') {
                out.append(": ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
