package io.streamfold.assertj;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.Choice;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.Problem;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.description.TextDescription;

/**
 * Entry points of streamfold's AssertJ assertions. Import them statically beside AssertJ's own
 * {@code assertThat}; the overloads do not clash.
 *
 * <pre>{@code
 * import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
 *
 * assertThatRecording(Recordings.named("seeds/001_b46980ad0094c70c.json"))
 *     .hasFinishReason(FinishReason.TOOL_CALLS)
 *     .hasToolCallsNamed("get_weather", "get_weather")
 *     .hasToolCall("get_weather")
 *         .hasArgument("location", "San Francisco, USA");
 * }</pre>
 *
 * <p>Every failure shows the expected and the actual value, then a compact view of the completion
 * ({@link CompletionDescription}) that names the recording. For soft assertions, use
 * {@link StreamfoldSoftAssertions}.
 *
 * <p>The assertions read the same for every provider: {@code hasFinishReason(FinishReason)},
 * {@code hasToolCall(name)} and {@code usage().hasInputTokens(n)} pass on an OpenAI, Anthropic,
 * Gemini or Responses recording alike.
 */
@CheckReturnValue
public class StreamfoldAssertions {

    /** For classes that gather entry points by extending this one. */
    protected StreamfoldAssertions() {
    }

    /**
     * Creates an assertion on an assembled completion.
     *
     * @param actual the completion
     * @return the assertion
     */
    public static CompletionAssert assertThat(Completion actual) {
        return Navigation.HARD.create(CompletionAssert.class, Completion.class, actual, CompletionAssert::new);
    }

    /**
     * Creates an assertion on one choice of a completion.
     *
     * @param actual the choice
     * @return the assertion
     */
    public static ChoiceAssert assertThat(Choice actual) {
        return Navigation.HARD.create(ChoiceAssert.class, Choice.class, actual, ChoiceAssert::new);
    }

    /**
     * Creates an assertion on a message.
     *
     * @param actual the message
     * @return the assertion
     */
    public static MessageAssert assertThat(Message actual) {
        return Navigation.HARD.create(MessageAssert.class, Message.class, actual, MessageAssert::new);
    }

    /**
     * Creates an assertion on a tool call.
     *
     * @param actual the tool call
     * @return the assertion
     */
    public static ToolCallAssert assertThat(ToolCall actual) {
        return Navigation.HARD.create(ToolCallAssert.class, ToolCall.class, actual, ToolCallAssert::new);
    }

    /**
     * Creates an assertion on a usage.
     *
     * @param actual the usage
     * @return the assertion
     */
    public static UsageAssert assertThat(Usage actual) {
        return Navigation.HARD.create(UsageAssert.class, Usage.class, actual, UsageAssert::new);
    }

    /**
     * Assembles a recording with {@link ChunkAssembler#assemble(Path)} and creates an assertion on
     * the completion, described by the recording's name, so that every failure, of this assertion
     * and of those it navigates to, names the file.
     *
     * @param recording the recording file; see {@link Recordings#named(String)}
     * @return the assertion
     * @throws AssertionError if the recording cannot be assembled, naming the file and saying why
     */
    public static CompletionAssert assertThatRecording(Path recording) {
        return recording(Navigation.HARD, recording);
    }

    /**
     * Assembles a recording read from a URL (a class-path resource: {@link Recordings#classpath(String)})
     * and creates an assertion on the completion, described by the URL.
     *
     * @param recording where the recording is
     * @return the assertion
     * @throws AssertionError if the recording cannot be read or assembled, naming it and saying why
     */
    public static CompletionAssert assertThatRecording(URL recording) {
        return recording(Navigation.HARD, recording);
    }

    /**
     * Assembles a recording read from a stream (read to its end, not closed) and creates an
     * assertion on the completion, described as {@code <input stream>}.
     *
     * @param recording the recording's bytes
     * @return the assertion
     * @throws AssertionError if the recording cannot be assembled, saying why
     */
    public static CompletionAssert assertThatRecording(InputStream recording) {
        return recording(Navigation.HARD, recording);
    }

    /** Assembles a recording file and asserts on it, hard or soft. */
    static CompletionAssert recording(Navigation how, Path recording) {
        Objects.requireNonNull(recording, "recording");
        return recording(how, Recordings.display(recording), () -> ChunkAssembler.assemble(recording));
    }

    /** Assembles a recording at a URL and asserts on it, hard or soft. */
    static CompletionAssert recording(Navigation how, URL recording) {
        Objects.requireNonNull(recording, "recording");
        return recording(how, recording.toString(), () -> {
            try (InputStream in = recording.openStream()) {
                return ChunkAssembler.assemble(in, AssemblerOptions.defaults().withSource(recording.toString()));
            } catch (IOException e) {
                throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the recording: " + e,
                        recording.toString(), 0, -1, -1, -1, null), e);
            }
        });
    }

    /** Assembles a recording from a stream and asserts on it, hard or soft. */
    static CompletionAssert recording(Navigation how, InputStream recording) {
        Objects.requireNonNull(recording, "recording");
        return recording(how, "<input stream>", () -> ChunkAssembler.assemble(recording));
    }

    private static CompletionAssert recording(Navigation how, String name, Supplier<Completion> assemble) {
        Completion completion = null;
        try {
            completion = assemble.get();
        } catch (AssemblyException e) {
            how = how.failed(assemblyFailure(name, e));
        }
        CompletionAssert assertion = how.create(CompletionAssert.class, Completion.class, completion, CompletionAssert::new);
        assertion.recording = name;
        assertion.describedAs(new TextDescription(name));
        return assertion;
    }

    private static AssertionError assemblyFailure(String name, AssemblyException e) {
        CompletionAssert reporter = new CompletionAssert(null);
        reporter.describedAs(new TextDescription(name));
        AssertionError error = reporter.plainFailure(AbstractStreamfoldAssert.lines("Expecting the recording:",
                "  " + name, "to assemble, but it failed:", "  " + e.getMessage()));
        if (error.getCause() == null) {
            error.initCause(e);
        }
        return error;
    }
}
