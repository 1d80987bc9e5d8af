package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Problem;
import io.streamfold.TestRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property a damaged byte must keep: any single-byte change of a recording that folds gives a
 * completion or a located {@link AssemblyException} (source, chunk, line, column), never "not a
 * stream" (a skip of what was one), never another throwable; and {@code assemble} and the
 * incremental assembler agree on it. Over every bundled recording of modest size, at a seeded
 * sample of positions, with seeded byte values.
 */
class OneByteDamageTest {

    private static final int POSITIONS = 120;

    static Stream<Path> recordings() {
        return TestRecordings.all(".").stream().filter(p -> p.toFile().length() < 40_000);
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void anyDamagedByteGivesACompletionOrALocatedError(Path recording) throws IOException {
        byte[] input = Files.readAllBytes(recording);
        if (Outcome.assemble(input, AssemblerOptions.defaults()).completion() == null) {
            return; // a recording of no stream: its damage may well be no stream either
        }
        Random random = new Random(recording.getFileName().toString().hashCode() * 7919L);
        for (int i = 0; i < POSITIONS; i++) {
            int at = random.nextInt(input.length);
            byte[] damaged = input.clone();
            byte value = (byte) random.nextInt(256);
            damaged[at] = value == input[at] ? (byte) (value ^ 0x20) : value;
            for (boolean lenient : new boolean[] {false, true}) {
                AssemblerOptions options = AssemblerOptions.defaults().withLenient(lenient).withSource("damaged");
                String what = String.format("%s with byte %d set to 0x%02x (lenient: %s)", recording.getFileName(), at,
                        damaged[at] & 0xff, lenient);
                Outcome batch = assembleOrFail(damaged, options, what);
                if (batch.problem() != null) {
                    assertLocated(batch.problem(), what);
                }
                assertThat(Outcome.incremental(damaged, new int[] {at, Math.min(at + 1, damaged.length)}, options))
                        .as("%s, fed in pieces", what).isEqualTo(batch);
            }
        }
    }

    private static Outcome assembleOrFail(byte[] input, AssemblerOptions options, String what) {
        try {
            return Outcome.assemble(input, options);
        } catch (Throwable t) {
            fail(what + " threw " + t, t);
            throw new AssertionError(t);
        }
    }

    private static void assertLocated(Problem problem, String what) {
        assertThat(problem.kind()).as("%s: %s", what, problem).isNotIn(Problem.Kind.NOT_A_STREAM, Problem.Kind.INTERNAL);
        assertThat(problem.source()).as("%s: %s", what, problem).isEqualTo("damaged");
        assertThat(problem.line()).as("%s: line of %s", what, problem).isPositive();
        assertThat(problem.column()).as("%s: column of %s", what, problem).isPositive();
        assertThat(problem.chunk()).as("%s: chunk of %s", what, problem).isNotNegative();
    }
}
