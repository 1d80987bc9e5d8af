package io.streamfold.assertj;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Usage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Assertions on an assembled {@link Completion}. The message assertions ({@code hasContent},
 * {@code toolCall(0)}, ...) look at the first choice's message, as {@link Completion#message()}
 * does; {@link #choice(int)} reaches the others.
 *
 * <p>Extend this class, not {@link CompletionAssert}, to add your own assertions:
 * {@code class MyCompletionAssert extends AbstractCompletionAssert<MyCompletionAssert, Completion>}.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the completion
 */
public abstract class AbstractCompletionAssert<SELF extends AbstractCompletionAssert<SELF, ACTUAL>, ACTUAL extends Completion>
        extends AbstractMessageHolderAssert<SELF, ACTUAL> {

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractCompletionAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
        completion = actual;
        root = this;
    }

    @Override
    Message messageOf(ACTUAL value) {
        return value.message();
    }

    @Override
    String context() {
        return block("in completion", CompletionDescription.of(actual, recording));
    }

    /**
     * Verifies the first choice's finish reason, in the provider's spelling ({@code stop},
     * {@code tool_calls}, {@code end_turn}, {@code STOP}, ...); null when none came.
     *
     * @param expected the expected finish reason, or null
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or its finish reason differs
     */
    public SELF hasFinishReason(String expected) {
        isNotNull();
        if (!Objects.equals(actual.finishReason(), expected)) {
            throw mismatch("finish reason", expected, actual.finishReason());
        }
        return myself;
    }

    /**
     * Verifies the wire format, by name: {@code openai.chat}, {@code openai.completion},
     * {@code openai.responses}, {@code anthropic.messages}, {@code gemini} or
     * {@code gemini.interactions}.
     *
     * @param expected the expected format's name
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or its format differs
     */
    public SELF hasFormat(String expected) {
        isNotNull();
        if (!Objects.equals(actual.format(), expected)) {
            throw mismatch("format", expected, actual.format());
        }
        return myself;
    }

    /**
     * Verifies that the completion is the whole response: the stream ended with a finish and
     * nothing was passed over (no {@link Completion#problems() problems}).
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or incomplete, with its problems
     *     and warnings
     */
    public SELF isComplete() {
        isNotNull();
        if (actual.incomplete() || !actual.problems().isEmpty()) {
            List<String> why = new ArrayList<>();
            why.add("Expecting a complete completion, but it is incomplete");
            if (!actual.problems().isEmpty()) {
                why.add("problems:");
                actual.problems().forEach(p -> why.add("  " + p));
            }
            if (!actual.warnings().isEmpty()) {
                why.add("warnings:");
                actual.warnings().forEach(w -> why.add("  " + w));
            }
            throw failureWithActualExpected(true, false,
                    lines(why.toArray(String[]::new)) + context());
        }
        return myself;
    }

    /**
     * Verifies the three token counts of the usage the stream reported.
     *
     * @param promptTokens the expected prompt (input) tokens
     * @param completionTokens the expected completion (output) tokens
     * @param totalTokens the expected total
     * @return this assertion object
     * @throws AssertionError if the actual completion is null, has no usage, or a count differs
     */
    public SELF hasUsage(int promptTokens, int completionTokens, int totalTokens) {
        isNotNull();
        List<Integer> expected = List.of(promptTokens, completionTokens, totalTokens);
        Usage usage = actual.usage();
        if (usage == null) {
            throw failing(lines("Expecting usage (prompt, completion, total):", "  " + show(expected),
                    "but the completion has no usage"));
        }
        List<Integer> counts = Arrays.asList(usage.promptTokens(), usage.completionTokens(),
                usage.totalTokens());
        if (!counts.equals(expected)) {
            throw mismatch("usage (prompt, completion, total)", expected, counts);
        }
        return myself;
    }

    /**
     * Verifies that the stream reported no usage.
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or has a usage
     */
    public SELF hasNoUsage() {
        isNotNull();
        if (actual.usage() != null) {
            throw failureWithActualExpected(actual.usage(), null, lines("Expecting no usage but was:",
                    "  " + CompletionDescription.of(actual.usage())) + context());
        }
        return myself;
    }

    /**
     * Navigates to the usage, returning an assertion on it described as this one followed by
     * {@code usage}. Soft in {@link StreamfoldSoftAssertions}, as {@link #toolCall(int)} is.
     *
     * @return an assertion on the usage; {@code returnToCompletion()} leads back
     * @throws AssertionError if the actual completion is null or has no usage
     */
    public final UsageAssert usage() {
        if (actual == null) {
            return navigationFailed(actualIsNull(), UsageAssert.class, Usage.class, UsageAssert::new, "usage");
        }
        if (actual.usage() == null) {
            return navigationFailed(failing(lines("Expecting a usage, but the stream reported none")), UsageAssert.class,
                    Usage.class, UsageAssert::new, "usage");
        }
        return navigate(UsageAssert.class, Usage.class, actual.usage(), UsageAssert::new, "usage");
    }

    /**
     * Navigates to the choice with this wire index, returning an assertion on it described as
     * this one followed by {@code choice [index]}. Soft in {@link StreamfoldSoftAssertions}, as
     * {@link #toolCall(int)} is.
     *
     * @param index the choice's wire index
     * @return an assertion on the choice; {@code returnToCompletion()} leads back
     * @throws AssertionError if the actual completion is null or has no choice with that index,
     *     listing the indexes there are
     */
    public final ChoiceAssert choice(int index) {
        String label = "choice [" + index + "]";
        if (actual == null) {
            return navigationFailed(actualIsNull(), ChoiceAssert.class, Choice.class, ChoiceAssert::new, label);
        }
        Choice choice = actual.choice(index);
        if (choice == null) {
            List<Integer> indexes = new ArrayList<>();
            actual.choices().forEach(c -> indexes.add(c.index()));
            String but = indexes.isEmpty() ? "but there are no choices"
                    : lines("but the choices have the indexes:", "  " + show(indexes)).substring(NL.length());
            return navigationFailed(failing(lines("Expecting a choice with index:", "  " + index, but)),
                    ChoiceAssert.class, Choice.class, ChoiceAssert::new, label);
        }
        return navigate(ChoiceAssert.class, Choice.class, choice, ChoiceAssert::new, label);
    }
}
