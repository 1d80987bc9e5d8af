package io.streamfold.assertj;

import io.streamfold.Usage;

/**
 * Assertions on the token {@link Usage} a stream reported, in the neutral counts that mean the
 * same for every provider.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the usage
 */
public abstract class AbstractUsageAssert<SELF extends AbstractUsageAssert<SELF, ACTUAL>, ACTUAL extends Usage>
        extends AbstractStreamfoldAssert<SELF, ACTUAL> {

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractUsageAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    @Override
    String context() {
        return block("in usage", CompletionDescription.of(actual)) + completionContext("of completion");
    }

    /**
     * Verifies every input token, cache reads and writes included ({@link Usage#inputTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasInputTokens(long expected) {
        isNotNull();
        return checkCount("input tokens", expected, actual.inputTokens());
    }

    /**
     * Verifies every output token, reasoning included ({@link Usage#outputTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasOutputTokens(long expected) {
        isNotNull();
        return checkCount("output tokens", expected, actual.outputTokens());
    }

    /**
     * Verifies the total tokens: the provider's, else input + output ({@link Usage#totalTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasTotalTokens(long expected) {
        isNotNull();
        return checkCount("total tokens", expected, actual.totalTokens());
    }

    /**
     * Verifies the reasoning tokens among the output ({@link Usage#reasoningTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasReasoningTokens(long expected) {
        isNotNull();
        return checkCount("reasoning tokens", expected, actual.reasoningTokens());
    }

    /**
     * Verifies the input tokens read from a cache ({@link Usage#cachedInputTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasCachedInputTokens(long expected) {
        isNotNull();
        return checkCount("cached input tokens", expected, actual.cachedInputTokens());
    }

    /**
     * Verifies the input tokens written to a cache ({@link Usage#cacheWriteTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasCacheWriteTokens(long expected) {
        isNotNull();
        return checkCount("cache write tokens", expected, actual.cacheWriteTokens());
    }

    /**
     * Returns to the assertion on the completion this usage was reached from, to go on with it.
     *
     * @return the completion's assertion
     * @throws IllegalStateException if this assertion was made on a usage alone
     */
    public final AbstractCompletionAssert<?, ?> returnToCompletion() {
        return completionAssert();
    }

    private SELF checkCount(String what, long expected, Long count) {
        if (count == null || count != expected) {
            // Counts shown as numbers, not as AssertJ shows a Long (55L).
            throw failureWithActualExpected(count, expected, lines("Expecting " + what + " to be:", "  " + expected,
                    "but was:", "  " + count) + context());
        }
        return myself;
    }
}
