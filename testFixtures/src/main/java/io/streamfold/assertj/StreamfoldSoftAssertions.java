package io.streamfold.assertj;

import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ's {@link SoftAssertions} with streamfold's assertions added: every failure is collected,
 * through navigation too ({@code toolCall(0)}, {@code choice(1)}, {@code usage()},
 * {@code parsedArguments()}), and {@link #assertAll()} reports them all at once.
 *
 * <pre>{@code
 * StreamfoldSoftAssertions softly = new StreamfoldSoftAssertions();
 * softly.assertThatRecording(Recordings.named("seeds/000_4f3d0a612d65cd5e.json"))
 *       .hasFinishReason(FinishReason.TOOL_CALLS)
 *       .toolCall(0).hasName("web_search");
 * softly.assertThat(List.of(1, 2)).hasSize(2);   // AssertJ's own assertions too
 * softly.assertAll();
 * }</pre>
 *
 * <p>With JUnit 5, let AssertJ's {@code SoftAssertionsExtension} create it and call
 * {@code assertAll()}: take it as a test method's parameter, or in a field annotated with
 * {@code @InjectSoftAssertions}. Or use
 * {@code SoftAssertionsProvider.assertSoftly(StreamfoldSoftAssertions.class, softly -> ...)}.
 */
public class StreamfoldSoftAssertions extends SoftAssertions implements StreamfoldSoftAssertionsProvider {

    /** Creates soft assertions with nothing collected yet. */
    public StreamfoldSoftAssertions() {
    }
}
