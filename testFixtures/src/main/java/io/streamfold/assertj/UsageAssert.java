package io.streamfold.assertj;

import io.streamfold.Usage;

/**
 * Assertions on a {@link Usage}; see {@link AbstractUsageAssert}. Reached with
 * {@link AbstractCompletionAssert#usage()}, or made with {@link StreamfoldAssertions#assertThat(Usage)}.
 */
public class UsageAssert extends AbstractUsageAssert<UsageAssert, Usage> {

    /**
     * Creates an assertion on a usage; prefer {@link StreamfoldAssertions#assertThat(Usage)}.
     *
     * @param actual the usage to check, or null
     */
    public UsageAssert(Usage actual) {
        super(actual, UsageAssert.class);
    }
}
