package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Problem;
import java.util.List;

/**
 * What became of one recording: its responses (one completion each, in order), a skip with its
 * reason, or an error; and the llama-stack {@code test_id} that names it, when it has one
 * ({@link io.streamfold.Source#testId()}).
 */
record Outcome(Input input, String testId, List<Completion> completions, String skipped, AssemblyException error) {

    Outcome {
        completions = completions == null ? List.of() : List.copyOf(completions);
    }

    static Outcome of(Input input, AssemblerOptions options) {
        try {
            List<Completion> completions = fold(input, options);
            if (completions.isEmpty()) {
                return new Outcome(input, null, null, "the container holds no LLM response", null);
            }
            return new Outcome(input, testId(completions.get(0)), completions, null, null);
        } catch (AssemblyException e) {
            if (e.kind() == Problem.Kind.NOT_A_STREAM) {
                return new Outcome(input, null, null, e.getOriginalMessage().replaceFirst("^Not a stream: ", ""), null);
            }
            return new Outcome(input, null, null, null, e);
        } catch (RuntimeException e) {
            // A bug of ours, not the input's fault: still one line, and on to the next file.
            AssemblyException wrapped = new AssemblyException(new Problem(Problem.Kind.INTERNAL,
                    "Internal error: " + e, input.name(), 0, -1, -1, -1, null), e);
            return new Outcome(input, null, null, null, wrapped);
        } catch (StackOverflowError | OutOfMemoryError e) {
            AssemblyException wrapped = new AssemblyException(new Problem(Problem.Kind.LIMIT,
                    "The input exhausted the " + (e instanceof StackOverflowError ? "stack" : "heap"),
                    input.name(), 0, -1, -1, -1, null), e);
            return new Outcome(input, null, null, null, wrapped);
        }
    }

    /** The llama-stack {@code test_id} the library read from the recording, or null. */
    private static String testId(Completion c) {
        return c.source() == null || c.source().testId() == null || c.source().testId().isBlank() ? null
                : c.source().testId();
    }

    /** Every response the recording holds, in order (an agent loop recorded in one file, a cassette, holds several). */
    private static List<Completion> fold(Input input, AssemblerOptions options) {
        if (input.file() != null) {
            return ChunkAssembler.assembleAll(input.file(), options);
        }
        AssemblerOptions named = options.source() == null ? options.withSource(Input.STDIN) : options;
        return ChunkAssembler.assembleAll(input.bytes(), named);
    }

    /** How reports name the recording: its path, or standard input's {@code -}. */
    String name() {
        return input.name();
    }

    /** The short name the table shows (relative to the folder given), or null when the test_id names it. */
    String label() {
        return input.label();
    }

    boolean failed() {
        return error != null;
    }

    /** True when a response is not the whole of it: cut off, a provider error, or faults passed over. */
    static boolean incomplete(Completion c) {
        return c.incomplete() || c.error().isPresent() || !c.problems().isEmpty();
    }

    boolean anyIncomplete() {
        return completions.stream().anyMatch(Outcome::incomplete);
    }

    boolean anyWarnings() {
        return completions.stream().anyMatch(c -> !c.warnings().isEmpty());
    }
}
