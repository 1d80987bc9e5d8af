package io.streamfold.assertj;

import io.streamfold.Usage;
import java.util.Objects;

/**
 * Assertions on the token {@link Usage} a stream reported.
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
     * Verifies the prompt (input) tokens.
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or was not sent)
     */
    public SELF hasPromptTokens(int expected) {
        isNotNull();
        return checkCount("prompt tokens", expected, actual.promptTokens());
    }

    /**
     * Verifies the completion (output) tokens.
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or was not sent)
     */
    public SELF hasCompletionTokens(int expected) {
        isNotNull();
        return checkCount("completion tokens", expected, actual.completionTokens());
    }

    /**
     * Verifies the total tokens (the provider's, or the sum of the other two).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or is unknown)
     */
    public SELF hasTotalTokens(int expected) {
        isNotNull();
        return checkCount("total tokens", expected, actual.totalTokens());
    }

    /**
     * Verifies the reasoning tokens, wherever the provider reports them ({@link Usage#reasoningTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or was not sent)
     */
    public SELF hasReasoningTokens(int expected) {
        isNotNull();
        return checkCount("reasoning tokens", expected, actual.reasoningTokens());
    }

    /**
     * Verifies the prompt tokens served from a cache, wherever the provider reports them
     * ({@link Usage#cachedTokens()}).
     *
     * @param expected the expected count
     * @return this assertion object
     * @throws AssertionError if the actual usage is null or the count differs (or was not sent)
     */
    public SELF hasCachedTokens(int expected) {
        isNotNull();
        return checkCount("cached tokens", expected, actual.cachedTokens());
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

    private SELF checkCount(String what, int expected, Integer count) {
        if (!Objects.equals(count, expected)) {
            throw mismatch(what, expected, count);
        }
        return myself;
    }
}
