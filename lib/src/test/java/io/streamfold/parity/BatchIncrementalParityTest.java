package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import io.streamfold.TestRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property the two readers share one grammar for: for every input, valid, cut at any byte, or
 * with any one byte damaged, {@code assemble} and the incremental assembler fed in any split give
 * equal completions, or equal problems (kind, message, chunk, line, column, offset, path), in
 * strict and in lenient mode. Over every bundled recording; on the larger ones the cuts and
 * damaged bytes are spread over the input, and dense over its start, where containers are told apart.
 */
class BatchIncrementalParityTest {

    private static final AssemblerOptions STRICT = AssemblerOptions.defaults();
    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);
    /** The bytes that change what a damaged input means: structure, quotes, escapes, a letter, a digit, invalid UTF-8. */
    private static final byte[] DAMAGE = {'{', '}', '[', ']', '"', '\\', ',', ':', '\n', ' ', 'x', '7', (byte) 0xC3,
        (byte) 0xFF, 0};

    static Stream<Path> recordings() {
        return TestRecordings.all(".").stream().filter(p -> p.toFile().length() < 200_000);
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void validInputInAnySplitGivesWhatAssembleGives(Path recording) throws IOException {
        byte[] input = Files.readAllBytes(recording);
        Random random = new Random(recording.getFileName().toString().hashCode());
        for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
            Outcome whole = Outcome.assemble(input, options);
            assertSameInAnySplit(input, whole, options, random, 12);
            if (input.length < 20_000) {
                assertSplit(input, whole, options, IntStream.range(0, input.length).toArray());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void inputCutAtAnyByteGivesWhatAssembleGives(Path recording) throws IOException {
        byte[] input = Files.readAllBytes(recording);
        Random random = new Random(recording.getFileName().toString().hashCode() * 31L);
        for (int cut : positions(input.length, random)) {
            byte[] head = Arrays.copyOf(input, cut);
            for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
                assertSameInAnySplit(head, Outcome.assemble(head, options), options, random, 2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void inputWithOneByteDamagedGivesWhatAssembleGives(Path recording) throws IOException {
        byte[] input = Files.readAllBytes(recording);
        Random random = new Random(recording.getFileName().toString().hashCode() * 17L);
        for (int at : positions(input.length, random)) {
            byte[] damaged = input.clone();
            damaged[at] = DAMAGE[random.nextInt(DAMAGE.length)];
            for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
                assertSameInAnySplit(damaged, Outcome.assemble(damaged, options), options, random, 2);
            }
        }
    }

    /** Every byte of the first 300, and 150 more spread over the rest. */
    private static int[] positions(int length, Random random) {
        IntStream dense = IntStream.range(0, Math.min(length, 300));
        IntStream spread = random.ints(150, 0, Math.max(length, 1));
        return IntStream.concat(dense, spread).filter(i -> i < length).distinct().sorted().toArray();
    }

    private static void assertSameInAnySplit(byte[] input, Outcome whole, AssemblerOptions options, Random random,
            int splits) {
        assertSplit(input, whole, options, new int[0]);
        for (int i = 0; i < splits; i++) {
            int[] cuts = random.ints(1 + random.nextInt(30), 0, input.length + 1).sorted().toArray();
            assertSplit(input, whole, options, cuts);
        }
    }

    private static void assertSplit(byte[] input, Outcome whole, AssemblerOptions options, int[] cuts) {
        Outcome pieced = Outcome.incremental(input, cuts, options);
        assertThat(pieced).as("%s%nfed in pieces cut at %s (lenient: %s)", preview(input), cuts.length > 40
                ? cuts.length + " places" : Arrays.toString(cuts), options.lenient()).isEqualTo(whole);
    }

    private static String preview(byte[] input) {
        String s = new String(input, 0, Math.min(input.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return "input of " + input.length + " bytes: " + s.replace("\n", "\\n");
    }
}
