package io.streamfold.assertj;

import io.streamfold.Completion;
import io.streamfold.DiffOptions;

/**
 * Assertions on an assembled {@link Completion}; see {@link AbstractCompletionAssert} for them
 * all. Obtain one with {@link StreamfoldAssertions#assertThat(Completion)} or
 * {@link StreamfoldAssertions#assertThatRecording(java.nio.file.Path)}.
 *
 * <p>Not final, with a public constructor taking the completion, so that AssertJ's soft
 * assertions can proxy it.
 */
public class CompletionAssert extends AbstractCompletionAssert<CompletionAssert, Completion> {

    /**
     * Creates an assertion on a completion; prefer {@link StreamfoldAssertions#assertThat(Completion)}.
     *
     * @param actual the completion to check, or null
     */
    public CompletionAssert(Completion actual) {
        super(actual, CompletionAssert.class);
    }

    /**
     * Verifies that this completion shows the same behaviour as the one a recording holds (a
     * re-recorded stream against the old one): {@link #isEquivalentTo(Completion)} on the
     * recording's completion.
     *
     * @param expected the recording this completion should be equivalent to
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or differs
     */
    public CompletionAssert isEquivalentTo(java.nio.file.Path expected) {
        return isEquivalentTo(expected, DiffOptions.defaults());
    }

    /**
     * Verifies that this completion shows the same behaviour as the one a recording holds, leaving
     * out what the options say.
     *
     * @param expected the recording this completion should be equivalent to
     * @param options what the comparison leaves out
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or differs
     */
    public CompletionAssert isEquivalentTo(java.nio.file.Path expected, DiffOptions options) {
        return isEquivalentTo(io.streamfold.ChunkAssembler.assemble(expected), options);
    }
}
