package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Problem;
import java.nio.file.Path;
import java.util.List;

/** What became of one response of a file: its completion; or of the file: a skip with its reason, or an error. */
record Outcome(Path path, Completion completion, String skipped, AssemblyException error) {

    /** One outcome per response the file holds (a cassette holds several), or the one skip or error. */
    static List<Outcome> all(Path path, AssemblerOptions options) {
        try {
            List<Completion> completions = ChunkAssembler.assembleAll(path, options);
            if (completions.isEmpty()) {
                return List.of(new Outcome(path, null, "the container holds no LLM response", null));
            }
            return completions.stream().map(c -> new Outcome(path, c, null, null)).toList();
        } catch (AssemblyException e) {
            if (e.kind() == Problem.Kind.NOT_A_STREAM) {
                return List.of(new Outcome(path, null, e.getOriginalMessage().replaceFirst("^Not a stream: ", ""), null));
            }
            return List.of(new Outcome(path, null, null, e));
        } catch (RuntimeException e) {
            // A bug of ours, not the input's fault: still one line, and on to the next file.
            AssemblyException wrapped = new AssemblyException(new Problem(Problem.Kind.INTERNAL,
                    "Internal error: " + e, path.toString(), 0, -1, -1, -1, null), e);
            return List.of(new Outcome(path, null, null, wrapped));
        } catch (StackOverflowError | OutOfMemoryError e) {
            AssemblyException wrapped = new AssemblyException(new Problem(Problem.Kind.LIMIT,
                    "The input exhausted the " + (e instanceof StackOverflowError ? "stack" : "heap"),
                    path.toString(), 0, -1, -1, -1, null), e);
            return List.of(new Outcome(path, null, null, wrapped));
        }
    }

    boolean failed() {
        return error != null;
    }
}
