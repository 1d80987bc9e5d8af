package io.streamfold.assertj;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft entry points of streamfold's assertions, for any AssertJ soft-assertions class: implement
 * this interface beside {@link SoftAssertionsProvider} (as {@link StreamfoldSoftAssertions} does)
 * to add them to your own.
 *
 * <p>The assertions these methods return are AssertJ soft proxies, and so are the assertions
 * they navigate to ({@code toolCall(0)}, {@code toolCall("name")}, {@code choice(1)},
 * {@code usage()}, {@code parsedArguments()}): every failure, navigation included, is collected
 * and reported by {@code assertAll()}. A navigation that finds nothing (no tool call at that
 * index) is collected as one failure, and the assertions chained on the missing part are skipped
 * rather than reported again.
 */
@CheckReturnValue
public interface StreamfoldSoftAssertionsProvider extends SoftAssertionsProvider {

    /**
     * Creates a soft assertion on an assembled completion.
     *
     * @param actual the completion
     * @return the soft assertion
     */
    default CompletionAssert assertThat(Completion actual) {
        return Navigation.softly(this).create(CompletionAssert.class, Completion.class, actual, CompletionAssert::new);
    }

    /**
     * Creates a soft assertion on one choice of a completion.
     *
     * @param actual the choice
     * @return the soft assertion
     */
    default ChoiceAssert assertThat(Choice actual) {
        return Navigation.softly(this).create(ChoiceAssert.class, Choice.class, actual, ChoiceAssert::new);
    }

    /**
     * Creates a soft assertion on a message.
     *
     * @param actual the message
     * @return the soft assertion
     */
    default MessageAssert assertThat(Message actual) {
        return Navigation.softly(this).create(MessageAssert.class, Message.class, actual, MessageAssert::new);
    }

    /**
     * Creates a soft assertion on a tool call.
     *
     * @param actual the tool call
     * @return the soft assertion
     */
    default ToolCallAssert assertThat(ToolCall actual) {
        return Navigation.softly(this).create(ToolCallAssert.class, ToolCall.class, actual, ToolCallAssert::new);
    }

    /**
     * Creates a soft assertion on a usage.
     *
     * @param actual the usage
     * @return the soft assertion
     */
    default UsageAssert assertThat(Usage actual) {
        return Navigation.softly(this).create(UsageAssert.class, Usage.class, actual, UsageAssert::new);
    }

    /**
     * Assembles a recording and creates a soft assertion on the completion, described by the
     * recording's name. A recording that cannot be assembled is collected as one failure (naming
     * the file and saying why), and the assertions chained on it are skipped.
     *
     * @param recording the recording file; see {@link Recordings#named(String)}
     * @return the soft assertion
     */
    default CompletionAssert assertThatRecording(Path recording) {
        return StreamfoldAssertions.recording(Navigation.softly(this), recording);
    }

    /**
     * Assembles a recording read from a URL (a class-path resource) and creates a soft assertion
     * on the completion; see {@link #assertThatRecording(Path)}.
     *
     * @param recording where the recording is
     * @return the soft assertion
     */
    default CompletionAssert assertThatRecording(URL recording) {
        return StreamfoldAssertions.recording(Navigation.softly(this), recording);
    }

    /**
     * Assembles a recording read from a stream and creates a soft assertion on the completion;
     * see {@link #assertThatRecording(Path)}.
     *
     * @param recording the recording's bytes, read to their end, not closed
     * @return the soft assertion
     */
    default CompletionAssert assertThatRecording(InputStream recording) {
        return StreamfoldAssertions.recording(Navigation.softly(this), recording);
    }
}
