package io.streamfold.assertj;

import io.streamfold.Message;
import java.util.Objects;

/**
 * Assertions on a {@link Message}: its role, content, refusal, reasoning and tool calls.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the message
 */
public abstract class AbstractMessageAssert<SELF extends AbstractMessageAssert<SELF, ACTUAL>, ACTUAL extends Message>
        extends AbstractMessageHolderAssert<SELF, ACTUAL> {

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractMessageAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    @Override
    Message messageOf(ACTUAL value) {
        return value;
    }

    @Override
    String context() {
        return completion != null ? completionContext("in completion") : block("in message", CompletionDescription.of(actual));
    }

    /**
     * Verifies the message's role as the stream first sent it ({@code assistant}, Gemini's
     * {@code model}); null when none came.
     *
     * @param expected the expected role, or null
     * @return this assertion object
     * @throws AssertionError if the actual message is null or its role differs
     */
    public SELF hasRole(String expected) {
        isNotNull();
        if (!Objects.equals(actual.role(), expected)) {
            throw mismatch("role", expected, actual.role());
        }
        return myself;
    }
}
