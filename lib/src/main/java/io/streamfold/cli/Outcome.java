package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Problem;
import java.nio.file.Path;

/** What became of one file: a completion, a skip with its reason, or an error. */
record Outcome(Path path, Completion completion, String skipped, AssemblyException error) {

    static Outcome of(Path path, AssemblerOptions options) {
        try {
            return new Outcome(path, ChunkAssembler.assemble(path, options), null, null);
        } catch (AssemblyException e) {
            if (e.kind() == Problem.Kind.NOT_A_STREAM) {
                return new Outcome(path, null, e.getOriginalMessage().replaceFirst("^Not a stream: ", ""), null);
            }
            return new Outcome(path, null, null, e);
        } catch (RuntimeException e) {
            // A bug of ours, not the input's fault: still one line, and on to the next file.
            AssemblyException wrapped = new AssemblyException(new Problem(Problem.Kind.INTERNAL,
                    "Internal error: " + e, path.toString(), 0, -1, -1, -1, null), e);
            return new Outcome(path, null, null, wrapped);
        } catch (StackOverflowError | OutOfMemoryError e) {
            AssemblyException wrapped = new AssemblyException(new Problem(Problem.Kind.LIMIT,
                    "The input exhausted the " + (e instanceof StackOverflowError ? "stack" : "heap"),
                    path.toString(), 0, -1, -1, -1, null), e);
            return new Outcome(path, null, null, wrapped);
        }
    }

    boolean failed() {
        return error != null;
    }
}
