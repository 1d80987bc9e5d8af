package io.streamfold.parity;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.IncrementalAssembler;
import io.streamfold.Problem;

/**
 * What reading an input gave: a completion, or the problem it was refused with. Two outcomes are
 * equal when the completions are equal as wholes, or the problems have the same kind, message,
 * chunk, line, column, byte offset and JSON path.
 */
public record Outcome(Completion completion, Problem problem) {

    public static Outcome assemble(byte[] input, AssemblerOptions options) {
        try {
            return new Outcome(ChunkAssembler.assemble(input, options), null);
        } catch (AssemblyException e) {
            return new Outcome(null, e.problem());
        }
    }

    /** Feeds the input cut at the given ascending positions, then finishes. */
    public static Outcome incremental(byte[] input, int[] cuts, AssemblerOptions options) {
        IncrementalAssembler assembler = ChunkAssembler.incremental(options);
        try {
            int from = 0;
            for (int cut : cuts) {
                assembler.feed(input, from, cut - from);
                from = cut;
            }
            assembler.feed(input, from, input.length - from);
            return new Outcome(assembler.finish(), null);
        } catch (AssemblyException e) {
            return new Outcome(null, e.problem());
        }
    }

    @Override
    public String toString() {
        return completion != null ? "completion " + completion.toJson() : "problem " + problem;
    }
}
