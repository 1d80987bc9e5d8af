package io.streamfold.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.parity.Outcome;

/**
 * Fuzzes the parser: whatever the bytes, assembly gives a completion or a located
 * {@link AssemblyException}, never another exception, a hang or an internal error; lenient mode
 * never throws but for input that is no stream; and the incremental path fed in any split gives
 * what the whole gives, completion or problem.
 *
 * <p>In the normal build these run in regression mode over the corpus in
 * {@code src/test/resources/io/streamfold/fuzz/AssemblerFuzzTestInputs/}. A long run is in the README.
 */
class AssemblerFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void assembleGivesACompletionOrALocatedError(byte[] input) {
        Completion strict = null;
        try {
            strict = ChunkAssembler.assemble(input);
            strict.toJson();
        } catch (AssemblyException e) {
            assertThat(e.getOriginalMessage()).doesNotStartWith("Internal error");
        }
        try {
            Completion lenient = ChunkAssembler.assemble(input, AssemblerOptions.defaults().withLenient(true));
            lenient.toJson();
            if (strict != null) {
                assertThat(lenient.choices()).isEqualTo(strict.choices());
            }
            for (Problem p : lenient.problems()) {
                assertThat(p.message()).doesNotStartWith("Internal error");
            }
        } catch (AssemblyException e) {
            assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void anyWayOfSplittingGivesTheSameResult(FuzzedDataProvider data) {
        boolean lenient = data.consumeBoolean();
        int pieces = data.consumeInt(1, 16);
        int[] lengths = new int[pieces];
        for (int i = 0; i < pieces; i++) {
            lengths[i] = data.consumeInt(0, 4096);
        }
        byte[] input = data.consumeRemainingAsBytes();
        int[] cuts = new int[pieces];
        for (int i = 0, at = 0; i < pieces; i++) {
            at = Math.min(input.length, at + lengths[i]);
            cuts[i] = at;
        }
        AssemblerOptions options = AssemblerOptions.defaults().withLenient(lenient);
        Outcome whole = Outcome.assemble(input, options);
        Outcome pieced = Outcome.incremental(input, cuts, options);

        // Equal completions, or equal problems: kind, message, chunk, line, column, offset and path.
        assertThat(pieced).isEqualTo(whole);
        if (pieced.problem() != null) {
            assertThat(pieced.problem().message()).doesNotStartWith("Internal error");
        }
    }
}
