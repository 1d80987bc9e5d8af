package io.streamfold.assertj;

import io.streamfold.Choice;

/**
 * Assertions on one {@link Choice}; see {@link AbstractChoiceAssert} and
 * {@link AbstractMessageHolderAssert}. Reached with {@link AbstractCompletionAssert#choice(int)},
 * or made with {@link StreamfoldAssertions#assertThat(Choice)}.
 */
public class ChoiceAssert extends AbstractChoiceAssert<ChoiceAssert, Choice> {

    /**
     * Creates an assertion on a choice; prefer {@link StreamfoldAssertions#assertThat(Choice)}.
     *
     * @param actual the choice to check, or null
     */
    public ChoiceAssert(Choice actual) {
        super(actual, ChoiceAssert.class);
    }
}
