package io.streamfold.assertj;

import io.streamfold.Completion;

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
}
