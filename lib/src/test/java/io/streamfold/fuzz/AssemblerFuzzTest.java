package io.streamfold.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.IncrementalAssembler;
import io.streamfold.Problem;

/**
 * Fuzzes the parser: whatever the bytes, assembly gives a completion or a located
 * {@link AssemblyException}, never another exception, a hang or an internal error; lenient mode
 * never throws but for input that is no stream; and the incremental path agrees with the whole.
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
        int pieces = data.consumeInt(1, 16);
        int[] cuts = new int[pieces];
        for (int i = 0; i < pieces; i++) {
            cuts[i] = data.consumeInt(0, 4096);
        }
        byte[] input = data.consumeRemainingAsBytes();
        Completion whole;
        try {
            whole = ChunkAssembler.assemble(input);
        } catch (AssemblyException e) {
            whole = null;
        }
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        try {
            int from = 0;
            for (int cut : cuts) {
                int to = Math.min(input.length, from + cut);
                assembler.feed(input, from, to - from);
                from = to;
            }
            assembler.feed(input, from, input.length - from);
            Completion pieced = assembler.finish();
            if (whole != null) {
                assertThat(pieced.choices()).isEqualTo(whole.choices());
                assertThat(pieced.usage()).isEqualTo(whole.usage());
            }
        } catch (AssemblyException e) {
            assertThat(e.getOriginalMessage()).doesNotStartWith("Internal error");
        }
    }
}
