package io.streamfold.assertj;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.DiffOptions;
import io.streamfold.Difference;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.ProviderError;
import io.streamfold.Usage;
import io.streamfold.Warning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractStringAssert;

/**
 * Assertions on an assembled {@link Completion}, the same for every provider. The message
 * assertions ({@code hasContent}, {@code hasToolCall("name")}, ...) look at the first choice's
 * message, as {@link Completion#message()} does; {@link #choice(int)} reaches the others.
 *
 * <pre>{@code
 * assertThatRecording(recording)
 *     .hasFinishReason(FinishReason.TOOL_CALLS)
 *     .hasToolCall("get_weather").hasArgument("location", "Paris")
 *     .returnToCompletion()
 *     .usage().hasInputTokens(54);
 * }</pre>
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
     * Verifies why the model stopped, the same for every provider ({@link Completion#finishReason()}):
     * {@code TOOL_CALLS} for chat's {@code tool_calls}, Anthropic's {@code tool_use}, Gemini's
     * {@code STOP} with function calls, a completed Responses stream with function calls.
     *
     * @param expected the expected finish reason, or null for a stream that never said
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or its finish reason differs
     */
    public SELF hasFinishReason(FinishReason expected) {
        isNotNull();
        if (actual.finishReason() != expected) {
            throw mismatch("finish reason", expected, actual.finishReason());
        }
        return myself;
    }

    /**
     * Verifies the first choice's finish reason in the provider's spelling
     * ({@link Completion#rawFinishReason()}: {@code stop}, {@code tool_calls}, {@code end_turn},
     * {@code STOP}, a Responses {@code status}, ...); null when none came.
     *
     * @param expected the expected raw finish reason, or null
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or its raw finish reason differs
     */
    public SELF hasFinishReason(String expected) {
        isNotNull();
        if (!Objects.equals(actual.rawFinishReason(), expected)) {
            throw mismatch("raw finish reason", expected, actual.rawFinishReason());
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
        String name = actual.format() == null ? null : actual.format().wireName();
        if (!Objects.equals(name, expected)) {
            throw mismatch("format", expected, name);
        }
        return myself;
    }

    /**
     * Verifies the wire format.
     *
     * @param expected the expected format
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or its format differs
     */
    public SELF hasFormat(Format expected) {
        isNotNull();
        if (actual.format() != expected) {
            throw mismatch("format", expected, actual.format());
        }
        return myself;
    }

    /**
     * Verifies the model that answered ({@link Completion#model()}).
     *
     * @param expected the expected model, or null
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or its model differs
     */
    public SELF hasModel(String expected) {
        isNotNull();
        if (!Objects.equals(actual.model(), expected)) {
            throw mismatch("model", expected, actual.model());
        }
        return myself;
    }

    /**
     * Verifies that the completion is the whole response: the stream ended with a finish, nothing
     * was passed over (no {@link Completion#problems() problems}), and no final response
     * disagreed with the deltas (no {@code stream-mismatch} warning).
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or incomplete, with its problems
     *     and warnings
     */
    public SELF isComplete() {
        isNotNull();
        boolean mismatch = actual.hasWarning(Warning.Code.STREAM_MISMATCH);
        if (actual.incomplete() || !actual.problems().isEmpty() || mismatch) {
            List<String> why = new ArrayList<>();
            why.add(mismatch && !actual.incomplete()
                    ? "Expecting a complete completion, but its final response disagrees with what was streamed"
                    : "Expecting a complete completion, but it is incomplete");
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
     * Verifies that the completion is not the whole response ({@link Completion#incomplete()}): the
     * stream was cut off, lenient assembly passed over a fault, or the provider reported an error
     * before the end.
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or complete
     */
    public SELF isIncomplete() {
        isNotNull();
        if (!actual.incomplete()) {
            throw failureWithActualExpected(false, true,
                    lines("Expecting an incomplete completion, but it is complete") + context());
        }
        return myself;
    }

    /**
     * Verifies that streamfold noticed nothing while folding: no warnings at all.
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or has warnings, listing them
     */
    public SELF hasNoWarnings() {
        isNotNull();
        if (!actual.warnings().isEmpty()) {
            List<String> found = new ArrayList<>();
            actual.warnings().forEach(w -> found.add("  " + w));
            throw failureWithActualExpected(actual.warnings(), List.of(), lines("Expecting no warnings but found "
                    + actual.warnings().size() + ":") + lines(found.toArray(String[]::new)) + context());
        }
        return myself;
    }

    /**
     * Verifies that a warning with this code was given.
     *
     * @param code the expected warning's code
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or has no such warning, listing the
     *     codes it has
     */
    public SELF hasWarning(Warning.Code code) {
        Objects.requireNonNull(code, "code");
        isNotNull();
        if (!actual.hasWarning(code)) {
            List<String> codes = new ArrayList<>();
            actual.warnings().forEach(w -> codes.add(w.code().id()));
            String but = codes.isEmpty() ? lines("but there are no warnings")
                    : lines("but the warnings are:", "  " + show(codes));
            throw failureWithActualExpected(codes, code.id(), lines("Expecting a warning:", "  " + code.id()) + but
                    + context());
        }
        return myself;
    }

    /**
     * Verifies that the provider reported an error in the stream ({@link Completion#error()}).
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or carries no provider error
     */
    public SELF hasError() {
        isNotNull();
        if (actual.error().isEmpty()) {
            throw failing(lines("Expecting a provider error, but the stream carried none"));
        }
        return myself;
    }

    /**
     * Verifies that the provider reported no error in the stream.
     *
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or carries a provider error
     */
    public SELF hasNoError() {
        isNotNull();
        ProviderError error = actual.error().orElse(null);
        if (error != null) {
            throw failureWithActualExpected(error, null,
                    lines("Expecting no provider error but was:", "  " + error) + context());
        }
        return myself;
    }

    /**
     * Returns a string assertion on the first choice's visible text ({@link Completion#text()},
     * {@code ""} when there is none), described as this one followed by {@code text}.
     *
     * @return AssertJ's string assertion on the text
     * @throws AssertionError if the actual completion is null
     */
    public final AbstractStringAssert<?> text() {
        if (actual == null) {
            throw actualIsNull();
        }
        return navigateString(actual.text(), "text");
    }

    /**
     * Returns a string assertion on the first choice's reasoning ({@link Completion#reasoning()},
     * {@code ""} when there is none), described as this one followed by {@code reasoning}.
     *
     * @return AssertJ's string assertion on the reasoning
     * @throws AssertionError if the actual completion is null
     */
    public final AbstractStringAssert<?> reasoning() {
        if (actual == null) {
            throw actualIsNull();
        }
        return navigateString(actual.reasoning(), "reasoning");
    }

    /**
     * Verifies the three main token counts of the usage: every input token (cache included),
     * every output token (reasoning included), and the total. See {@link Usage}.
     *
     * @param inputTokens the expected input tokens
     * @param outputTokens the expected output tokens
     * @param totalTokens the expected total
     * @return this assertion object
     * @throws AssertionError if the actual completion is null, has no usage, or a count differs
     */
    public SELF hasUsage(long inputTokens, long outputTokens, long totalTokens) {
        isNotNull();
        List<Long> expected = List.of(inputTokens, outputTokens, totalTokens);
        Usage usage = actual.usage();
        if (usage == null) {
            throw failing(lines("Expecting usage (input, output, total):", "  " + expected,
                    "but the completion has no usage"));
        }
        List<Long> counts = Arrays.asList(usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
        if (!counts.equals(expected)) {
            throw failureWithActualExpected(counts, expected, lines("Expecting usage (input, output, total) to be:",
                    "  " + expected, "but was:", "  " + counts) + context());
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
        Choice choice = actual.choice(index).orElse(null);
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

    /**
     * Verifies that this completion shows the same behaviour as another, as
     * {@link Completion#diff(Completion)} judges it: ids, timestamps, {@code system_fingerprint}
     * and the usage may differ; tool-call arguments are compared as JSON and text by words. The
     * failure lists every difference by its JSON pointer, expected (the other) then actual.
     *
     * @param expected the completion this one should be equivalent to
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or differs
     */
    public SELF isEquivalentTo(Completion expected) {
        return isEquivalentTo(expected, DiffOptions.defaults());
    }

    /**
     * Verifies that this completion shows the same behaviour as another, leaving out what the
     * options say ({@link DiffOptions#withUsage(boolean)}, {@link DiffOptions#ignoring(String...)}, ...).
     *
     * @param expected the completion this one should be equivalent to
     * @param options what the comparison leaves out
     * @return this assertion object
     * @throws AssertionError if the actual completion is null or differs
     */
    public SELF isEquivalentTo(Completion expected, DiffOptions options) {
        isNotNull();
        java.util.Objects.requireNonNull(expected, "expected");
        List<Difference> differences = expected.diff(actual, options);
        if (!differences.isEmpty()) {
            throw failing(Equivalence.message(differences));
        }
        return myself;
    }
}
