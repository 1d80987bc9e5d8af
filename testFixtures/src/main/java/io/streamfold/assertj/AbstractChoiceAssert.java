package io.streamfold.assertj;

import io.streamfold.Choice;
import io.streamfold.FinishReason;
import io.streamfold.Message;
import java.util.Objects;

/**
 * Assertions on one {@link Choice} of a completion: its finish reason, and its message's content
 * and tool calls.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the choice
 */
public abstract class AbstractChoiceAssert<SELF extends AbstractChoiceAssert<SELF, ACTUAL>, ACTUAL extends Choice>
        extends AbstractMessageHolderAssert<SELF, ACTUAL> {

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractChoiceAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    @Override
    Message messageOf(ACTUAL value) {
        return value.message();
    }

    @Override
    String context() {
        return completion != null ? completionContext("in completion")
                : block("in choice", actual == null ? "null" : "index: " + actual.index() + "\n" + CompletionDescription.of(actual));
    }

    /**
     * Verifies why the model stopped, the same for every provider ({@link Choice#finishReason()}).
     *
     * @param expected the expected finish reason, or null for a choice that never said
     * @return this assertion object
     * @throws AssertionError if the actual choice is null or its finish reason differs
     */
    public SELF hasFinishReason(FinishReason expected) {
        isNotNull();
        if (actual.finishReason() != expected) {
            throw mismatch("finish reason", expected, actual.finishReason());
        }
        return myself;
    }

    /**
     * Verifies the choice's finish reason in the provider's spelling
     * ({@link Choice#rawFinishReason()}); null when none came.
     *
     * @param expected the expected raw finish reason, or null
     * @return this assertion object
     * @throws AssertionError if the actual choice is null or its raw finish reason differs
     */
    public SELF hasFinishReason(String expected) {
        isNotNull();
        if (!Objects.equals(actual.rawFinishReason(), expected)) {
            throw mismatch("raw finish reason", expected, actual.rawFinishReason());
        }
        return myself;
    }

    /**
     * Returns to the assertion on the completion this choice was reached from, to go on with it.
     *
     * @return the completion's assertion
     * @throws IllegalStateException if this assertion was made on a choice alone
     */
    public final AbstractCompletionAssert<?, ?> returnToCompletion() {
        return completionAssert();
    }
}
