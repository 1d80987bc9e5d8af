package io.streamfold.assertj;

import io.streamfold.Completion;
import java.util.function.Function;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.description.TextDescription;

/**
 * The base of this package's assertions: what they know besides the value under test (the
 * recording and completion it came from, and whether they are soft), and the helpers that write
 * failure messages in AssertJ's style, each ending with the {@link CompletionDescription compact
 * view} of the completion.
 *
 * <p>They are AssertJ {@code AbstractObjectAssert}s, so {@code usingRecursiveComparison()},
 * {@code extracting(...)} and {@code returns(...)} work on them too.
 *
 * <p>Extend {@link AbstractCompletionAssert} and its siblings rather than this class. Assertion
 * methods can be overridden; the navigation methods ({@code toolCall}, {@code choice},
 * {@code usage}, {@code parsedArguments}, {@code returnToCompletion}) are final, because they make
 * soft assertions soft themselves and must not be intercepted by AssertJ's soft proxies.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the value under test
 */
public abstract class AbstractStreamfoldAssert<SELF extends AbstractStreamfoldAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractObjectAssert<SELF, ACTUAL> {

    static final String NL = System.lineSeparator();

    /** Hard, or soft through a provider; see {@link Navigation}. */
    Navigation navigation = Navigation.HARD;

    /** The recording's name as failures show it, or null when not asserting on a recording. */
    String recording;

    /** The completion this value belongs to, shown by failures; null when asserting on a part alone. */
    Completion completion;

    /** The completion's assertion this one was reached from, for {@code returnToCompletion()}; or null. */
    AbstractCompletionAssert<?, ?> root;

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractStreamfoldAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * The view of the value under test that failures end with, each line indented; starts with a
     * line break. Each assertion type says what it shows.
     */
    abstract String context();

    /** Renders a value as AssertJ would in a failure message: strings quoted, null as null. */
    final String show(Object value) {
        return info.representation().toStringOf(value);
    }

    /** A titled, indented block of a view's lines, starting with a line break. */
    static String block(String title, String view) {
        StringBuilder sb = new StringBuilder(NL).append(title).append(':');
        for (String line : view.split("\n", -1)) {
            sb.append(NL).append("  ").append(line);
        }
        return sb.toString();
    }

    /** Joins message lines with the platform's line separator, starting with one, as AssertJ does. */
    static String lines(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(NL).append(line);
        }
        return sb.toString();
    }

    /**
     * An "Expecting WHAT to be: expected but was: actual" failure, with the view, carrying
     * expected and actual for IDEs to compare.
     */
    final AssertionError mismatch(String what, Object expected, Object actualValue) {
        return failureWithActualExpected(actualValue, expected,
                lines("Expecting " + what + " to be:", "  " + show(expected), "but was:", "  " + show(actualValue))
                        + context());
    }

    /** A failure with this message (lines from {@link #lines}) followed by the view. */
    final AssertionError failing(String message) {
        return failure(message + context());
    }

    /** A failure with this message (lines from {@link #lines}) and no view. */
    final AssertionError plainFailure(String message) {
        return failure(message);
    }

    /** The failure of navigating from a null value. */
    final AssertionError actualIsNull() {
        return failure(lines("Expecting actual not to be null"));
    }

    /**
     * Creates the assertion for a part of the value under test, soft when this one is, described
     * as this one followed by the label (such as {@code tool call [0]}), knowing the same
     * recording and completion.
     */
    final <A extends AbstractStreamfoldAssert<A, T>, T> A navigate(Class<A> assertType, Class<T> actualType, T value,
            Function<T, A> constructor, String label) {
        return navigate(navigation, assertType, actualType, value, constructor, label);
    }

    /**
     * Reports a failed navigation (hard: throws it) and returns, when soft, an assertion over null
     * whose failures are not reported again.
     */
    final <A extends AbstractStreamfoldAssert<A, T>, T> A navigationFailed(AssertionError error, Class<A> assertType,
            Class<T> actualType, Function<T, A> constructor, String label) {
        return navigate(navigation.failed(error), assertType, actualType, null, constructor, label);
    }

    final <A extends AbstractStreamfoldAssert<A, T>, T> A navigate(Navigation how, Class<A> assertType,
            Class<T> actualType, T value, Function<T, A> constructor, String label) {
        A sub = how.create(assertType, actualType, value, constructor);
        sub.recording = recording;
        sub.completion = completion;
        sub.root = root;
        sub.info.useRepresentation(info.representation());
        sub.describedAs(new TextDescription(describe(label)));
        return sub;
    }

    /** This assertion's description followed by the label. */
    final String describe(String label) {
        String own = descriptionText();
        return own == null || own.isEmpty() ? label : own + " " + label;
    }

    /** The completion's assertion this one was reached from; fails when there is none. */
    final AbstractCompletionAssert<?, ?> completionAssert() {
        if (root == null) {
            throw new IllegalStateException("returnToCompletion(): this assertion was not reached from a completion's"
                    + " assertion (assertThat(Completion) or assertThatRecording(Path))");
        }
        return root;
    }

    /**
     * Creates a string assertion on a part of the value under test (text, reasoning), soft when
     * this one is, described as this one followed by the label.
     */
    final org.assertj.core.api.AbstractStringAssert<?> navigateString(String value, String label) {
        org.assertj.core.api.AbstractStringAssert<?> sub = navigation.string(value);
        sub.describedAs(new TextDescription(describe(label)));
        return sub;
    }

    /** The view of the whole completion when known (titled {@code title}), else an empty string. */
    final String completionContext(String title) {
        return completion == null ? "" : block(title, CompletionDescription.of(completion, recording));
    }
}
