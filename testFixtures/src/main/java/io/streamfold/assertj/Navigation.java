package io.streamfold.assertj;

import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.MapAssert;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StringAssert;

/**
 * How an assertion creates the assertions it navigates to ({@code toolCall(0)}, {@code usage()},
 * {@code choice(1)}, {@code parsedArguments()}) and what a failed navigation does.
 *
 * <p>Hard (the default): sub-assertions are plain objects and a failed navigation throws.
 *
 * <p>Soft: AssertJ's soft proxies collect the failures of the methods of a proxied assertion, but
 * an assertion that a method <em>returns</em> is not a proxy, so its failures would throw at
 * once. A soft navigation therefore creates every sub-assertion through the soft provider's
 * {@link SoftAssertionsProvider#proxy proxy(...)}, and a failed navigation is collected like any
 * other failure; it then returns an assertion over nothing whose own failures go to a throwaway
 * collector, since they would only repeat that the thing is missing.
 *
 * <p>The navigation methods are {@code final} so that AssertJ's proxies do not intercept them:
 * they handle softness themselves, and an intercepted call would be counted as a succeeded
 * assertion ({@code wasSuccess()} true) right after a failed navigation was collected. Assertion
 * methods stay overridable, for the proxies to collect their failures.
 */
final class Navigation {

    static final Navigation HARD = new Navigation(null);

    private final SoftAssertionsProvider softly;

    private Navigation(SoftAssertionsProvider softly) {
        this.softly = softly;
    }

    static Navigation softly(SoftAssertionsProvider softly) {
        return new Navigation(softly);
    }

    /**
     * Reports a failed navigation: hard, throws it; soft, collects it and returns the navigation
     * for what follows, whose failures are discarded.
     */
    Navigation failed(AssertionError error) {
        if (softly == null) {
            throw error;
        }
        softly.collectAssertionError(error);
        return new Navigation(new SoftAssertions());
    }

    /** Creates an assertion on a value: a plain one, or a soft proxy. */
    <A extends AbstractStreamfoldAssert<A, T>, T> A create(Class<A> assertType, Class<T> actualType, T actual,
            Function<T, A> constructor) {
        A created = softly == null ? constructor.apply(actual) : softly.proxy(assertType, actualType, actual);
        created.navigation = this;
        return created;
    }

    /** Creates a string assertion: a plain one, or a soft proxy. */
    StringAssert string(String actual) {
        return softly == null ? new StringAssert(actual) : softly.proxy(StringAssert.class, String.class, actual);
    }

    /** Creates a map assertion: a plain one, or a soft proxy. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    MapAssert<String, Object> map(Map<String, Object> actual) {
        return softly == null ? new MapAssert<>(actual) : softly.proxy(MapAssert.class, Map.class, actual);
    }
}
