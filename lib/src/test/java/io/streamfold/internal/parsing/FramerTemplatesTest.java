package io.streamfold.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The framer with templates and the framer that scans every byte say the same thing at every
 * point of the input: whether the next value has arrived whole, and where it ends. Over streams of
 * near-identical objects whose differences fall where a template comparison could go wrong (quotes,
 * escaped quotes, backslash runs, brackets inside strings, an extra nested object, longer and
 * shorter values, damaged bytes), fed in random pieces whose bytes past what has arrived are junk.
 */
class FramerTemplatesTest {

    private static final String[] DELTAS = {"Hello", "", "a\\\"b", "\\\\", "\\\\\\\"", "{[}]", "}}]]", "\\\\\\\\\"x",
        "\\u0022", "end\\\\", "\"", "plain text of a longer delta that runs on for a while", "[", "}", "\\\\\\"};
    /** Deltas that keep the JSON valid. */
    private static final String[] VALID = {"Hello", "", "a\\\"b", "\\\\", "{[}]", "\\u0022", "end\\\\", "[", "}"};
    private static final String[] SHAPES = {
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"%s\"}}",
        "{\"type\":\"ping\"}",
        "{\n  \"__type__\": \"openai.types.chat.chat_completion_chunk.ChatCompletionChunk\",\n  \"__data__\": {\n"
                + "    \"id\": \"chatcmpl-2\",\n    \"choices\": [\n      {\n        \"delta\": {\n"
                + "          \"content\": \"%s\"\n        },\n        \"index\": 0\n      }\n    ]\n  }\n}",
        "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                + "{\"arguments\":\"%s\"}}]},\"extra\":{\"nested\":{\"deeper\":[1,2,{\"x\":\"%s\"}]}}}]}",
    };
    private static final String[] IN_STRING = {"x", "7", " ", ",", ":", "{", "}", "[", "]", "\\\"", "\\\\", "\\\\\\\"",
        "}]\\\"{"};
    private static final String[] BETWEEN = {" ", "\n  ", "\"\"", "\"a\\\"b\"", "\"\\\\\"", "{}", "[]", "[1,{\"k\":\"}\"}]",
        "\"x\":{\"y\":[]},"};
    private static final byte[] DAMAGE = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x'};

    @Test
    void templatesFrameWhatTheScanFrames() {
        Random random = new Random(12);
        for (int round = 0; round < 400; round++) {
            byte[] input = stream(random, 5 + random.nextInt(60), round % 3 == 0 ? 0.02 : 0.0);
            for (int split = 0; split < 4; split++) {
                int maxPiece = split == 0 ? input.length : 1 + random.nextInt(split == 1 ? 8 : 400);
                assertSameFraming(input, random, maxPiece);
            }
        }
    }

    @Test
    void objectsEditedAnywhereFrameTheSame() {
        Random random = new Random(31);
        long compared = 0;
        long bytes = 0;
        for (int round = 0; round < 300; round++) {
            byte[] input = edited(random, 4 + random.nextInt(40));
            compared += assertSameFraming(input, random, input.length);
            bytes += input.length;
            assertSameFraming(input, random, 1 + random.nextInt(round % 2 == 0 ? 600 : 20));
        }
        assertThat(compared).as("bytes framed by comparison of %d", bytes).isGreaterThan(bytes / 2);
    }

    /**
     * Copies of one object, each with a few edits anywhere that keep it one object: inside strings
     * brackets, escaped quotes and backslashes; between them blanks, digits, strings with escapes
     * and nested containers. Now and then a byte that breaks it. So the differences fall in strings
     * and between them, and the copies realign at any offset.
     */
    private static byte[] edited(Random random, int values) {
        String base = SHAPES[random.nextInt(SHAPES.length)].replace("%s", VALID[random.nextInt(VALID.length)]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v = 0; v < values; v++) {
            StringBuilder value = new StringBuilder(base);
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = 1 + random.nextInt(value.length() - 1);
                if (random.nextInt(400) == 0) {
                    value.insert(at, (char) DAMAGE[random.nextInt(DAMAGE.length)]);
                    continue;
                }
                int state = stateBefore(value, at); // 0 outside strings, 1 inside, 2 just after a backslash
                if (state == 2) {
                    continue;
                }
                String[] edits2 = state == 1 ? IN_STRING : BETWEEN;
                if (random.nextBoolean()) {
                    value.insert(at, edits2[random.nextInt(edits2.length)]);
                } else if (Character.isLetterOrDigit(value.charAt(at))) {
                    value.deleteCharAt(at);
                }
            }
            out.writeBytes(value.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static int stateBefore(CharSequence value, int at) {
        int state = 0;
        for (int i = 0; i < at; i++) {
            char c = value.charAt(i);
            state = state == 2 ? 1 : state == 1 ? (c == '\\' ? 2 : c == '"' ? 0 : 1) : (c == '"' ? 1 : 0);
        }
        return state;
    }

    @Test
    void aStreamOfLikeObjectsIsFramedMostlyByComparison() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(SHAPES[i % 2].replace("%s", VALID[random.nextInt(VALID.length)])).append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        Framer framer = new Framer(true);
        List<Long> said = framing(framer, input, new int[] {input.length}, random);
        assertThat(said).hasSize(201).isEqualTo(framing(new Framer(false), input, new int[] {input.length}, random));
        assertThat(framer.compared()).as("bytes compared of %d", input.length).isGreaterThan(input.length * 8L / 10);
    }

    @Test
    void objectsCutByTheEndOfWhatHasArrivedAreStillFramedByComparison() {
        Random random = new Random(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(SHAPES[i % 2 == 0 ? 0 : 3].replace("%s", VALID[random.nextInt(VALID.length)])).append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        // Pieces shorter than an object: nearly every one is cut, most of them more than once.
        int[] cuts = random.ints(input.length / 40, 0, input.length).sorted().distinct().toArray();
        cuts = Arrays.copyOf(cuts, cuts.length + 1);
        cuts[cuts.length - 1] = input.length;
        Framer framer = new Framer(true);
        assertThat(framing(framer, input, cuts, random)).isEqualTo(framing(new Framer(false), input, cuts, random));
        assertThat(framer.compared()).as("bytes compared of %d", input.length).isGreaterThan(input.length * 8L / 10);
    }

    @Test
    void everySplitOfAShortStreamFramesTheSame() {
        Random random = new Random(5);
        for (int round = 0; round < 30; round++) {
            byte[] input = stream(random, 6, 0.0);
            for (int cut = 0; cut <= input.length; cut++) {
                assertThat(framing(new Framer(true), input, new int[] {cut}, random))
                        .as("%s cut at %d", new String(input, StandardCharsets.UTF_8), cut)
                        .isEqualTo(framing(new Framer(false), input, new int[] {cut}, random));
            }
        }
    }

    /** Objects of a few shapes, one after another with blanks and line breaks, some bytes damaged. */
    private static byte[] stream(Random random, int values, double damage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v = 0; v < values; v++) {
            String shape = SHAPES[random.nextInt(random.nextBoolean() ? 2 : SHAPES.length)];
            String value = shape.replace("%s", DELTAS[random.nextInt(DELTAS.length)]);
            if (random.nextInt(10) == 0) {
                value = value.replace("\"index\":0", "\"index\":0,\"more\":{\"a\":[\"]\",{\"b\":\"\\\\\"}]}");
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                if (random.nextDouble() < damage) {
                    bytes[i] = DAMAGE[random.nextInt(DAMAGE.length)];
                }
            }
            out.writeBytes(bytes);
            out.writeBytes(random.nextBoolean() ? "\n".getBytes(StandardCharsets.UTF_8) : "   ".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Returns how many bytes the framer with templates framed by comparison. */
    private static long assertSameFraming(byte[] input, Random random, int maxPiece) {
        List<Integer> pieces = new ArrayList<>();
        for (int at = 0; at < input.length; ) {
            at = Math.min(input.length, at + 1 + random.nextInt(maxPiece));
            pieces.add(at);
        }
        int[] cuts = pieces.stream().mapToInt(Integer::intValue).toArray();
        Framer templates = new Framer(true);
        assertThat(framing(templates, input, cuts, random))
                .as("%s fed cut at %s", new String(input, StandardCharsets.UTF_8), Arrays.toString(cuts))
                .isEqualTo(framing(new Framer(false), input, cuts, random));
        return templates.compared();
    }

    /**
     * What the framer says after each piece: the end of every value it frames as whole, as values
     * of a sequence are framed (a step commits where the value ended); -1 for each wait.
     */
    private static List<Long> framing(Framer framer, byte[] input, int[] cuts, Random random) {
        framer.start(0);
        List<Long> said = new ArrayList<>();
        byte[] window = new byte[input.length + 16];
        for (int i = 0; i < window.length; i++) {
            window[i] = DAMAGE[random.nextInt(DAMAGE.length)]; // nothing past what has arrived may be read
        }
        int arrived = 0;
        for (int cut : cuts) {
            System.arraycopy(input, arrived, window, arrived, cut - arrived);
            arrived = cut;
            while (framer.ready(Containers.Need.VALUE, 0, window, 0, cut)) {
                framer.commit();
                said.add(framer.retainFrom());
            }
            said.add(-1L);
        }
        return said;
    }
}
