package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** AssertJ's SoftAssertionsExtension creates StreamfoldSoftAssertions, injected as a parameter or a field. */
@ExtendWith(SoftAssertionsExtension.class)
class SoftAssertionsExtensionTest {

    private static final String RUN_FAILING_EXAMPLES = "io.streamfold.assertj.run-failing-examples";

    @InjectSoftAssertions
    StreamfoldSoftAssertions injected;

    @Test
    void injectsAFieldThatHasStreamfoldsAssertions() {
        assertThat(injected).isNotNull();
        injected.assertThatRecording(recording(SEED_000)).hasFinishReason("tool_calls").toolCall(0).hasName("web_search");
        assertThat(injected.assertionErrorsCollected()).isEmpty();
    }

    @Test
    void injectsAParameter(StreamfoldSoftAssertions softly) {
        softly.assertThatRecording(recording(SEED_000)).toolCall("web_search").hasId("call_HT5dvfaVabEqkflhFw2ASvdC");
        assertThat(softly.assertionErrorsCollected()).isEmpty();
    }

    @Test
    void theExtensionReportsEveryFailureOfATestAtOnceNavigationIncluded() {
        List<TestExecutionResult> results = new ArrayList<>();
        System.setProperty(RUN_FAILING_EXAMPLES, "true");
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FailingExample.class)).build(),
                    new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                            if (id.isTest()) {
                                results.add(result);
                            }
                        }
                    });
        } finally {
            System.clearProperty(RUN_FAILING_EXAMPLES);
        }
        assertThat(results).singleElement().extracting(TestExecutionResult::getStatus)
                .isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(results.get(0).getThrowable()).get(InstanceOfAssertFactories.THROWABLE)
                .hasMessageContainingAll("Multiple Failures (2 failures)",
                        "Expecting raw finish reason to be:", "\"stop\"",
                        SEED_000 + " tool call [1]]", "\"get_weather\"", "\"web_search\"");
    }

    /** Run only by the test above, which expects it to fail with two failures. */
    @ExtendWith(SoftAssertionsExtension.class)
    @EnabledIfSystemProperty(named = RUN_FAILING_EXAMPLES, matches = "true")
    static class FailingExample {

        @Test
        void twoFailuresOneThroughNavigation(StreamfoldSoftAssertions softly) {
            softly.assertThatRecording(recording(SEED_000))
                    .hasFinishReason("stop")
                    .toolCall(1).hasName("get_weather");
        }
    }
}
