package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.ANTHROPIC;
import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.SEED_002;
import static io.streamfold.assertj.Fixtures.lines;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.ToolCall;
import io.streamfold.Warning;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assertions that read the same for every provider, and their failures. */
class NeutralAssertionsTest {

    private static final String SERVER_TOOLS = "synthetic/anthropic.messages-server-tools-redacted.sse";
    private static final String WEB_SEARCH = "synthetic/openai.responses-web-search-text.sse";
    private static final String MISMATCH = "synthetic/openai.responses-completed-mismatch.jsonl";
    private static final String ERROR = "synthetic/anthropic.messages-error-midstream.sse";

    @TempDir
    Path tmp;

    @Test
    void hasFinishReasonComparesTheNeutralValueAndTheStringOneTheRaw() {
        assertThatRecording(recording(SEED_000)).hasFinishReason(FinishReason.TOOL_CALLS).hasFinishReason("tool_calls");
        assertThatRecording(recording(ANTHROPIC)).hasFinishReason(FinishReason.STOP).hasFinishReason("end_turn");
        assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasFinishReason(FinishReason.LENGTH))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting finish reason to be:", "  LENGTH", "but was:", "  STOP"),
                        "finish reason: STOP (\"end_turn\")", ANTHROPIC);
    }

    @Test
    void hasToolCallNavigatesToTheCallByName() {
        assertThatRecording(recording(SEED_000)).hasToolCall("web_search")
                .isOfKind(ToolCall.Kind.FUNCTION)
                .hasArgument("query", "Llama 4 Maverick model number of experts");
        assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCall("get_weather"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting a tool call named:", "  \"get_weather\"",
                        "but the tool calls are named:", "  [\"web_search\", \"web_search\"]"), SEED_000);
    }

    @Test
    void serverCallsAreApartFromTheCallsToRun() {
        assertThatRecording(recording(SERVER_TOOLS))
                .hasToolCallsNamed("get_time")
                .hasServerToolCall("web_search").isOfKind(ToolCall.Kind.SERVER).hasArgument("query", "weather NYC today")
                .returnToCompletion()
                .hasFinishReason(FinishReason.TOOL_CALLS);
        assertThatRecording(recording(WEB_SEARCH)).hasNoToolCalls().hasServerToolCall("web_search")
                .hasType("web_search_call");
        assertThatThrownBy(() -> assertThatRecording(recording(SERVER_TOOLS)).hasServerToolCall("get_time"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(lines("Expecting a server tool call named:", "  \"get_time\"",
                        "but the server tool calls are named:", "  [\"web_search\"]"),
                        "server tool calls:", "[0] web_search");
        assertThatThrownBy(() -> assertThatRecording(recording(SEED_000)).hasToolCall("web_search")
                .isOfKind(ToolCall.Kind.SERVER))
                .hasMessageContainingAll(lines("Expecting tool call kind to be:", "  SERVER", "but was:", "  FUNCTION"));
    }

    @Test
    void textAndReasoningAreStringAssertions() {
        assertThatRecording(recording(ANTHROPIC)).text().isEqualTo("1, 2, 3, 4, 5");
        assertThatRecording(recording(ANTHROPIC)).reasoning().startsWith("We need to count");
        assertThatRecording(recording(SEED_000)).text().isEmpty();
        assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).text().contains("six"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("[" , ANTHROPIC + " text]", "\"six\"");
    }

    @Test
    void hasModelAndHasFormat() {
        assertThatRecording(recording(ANTHROPIC)).hasFormat(Format.ANTHROPIC_MESSAGES).hasModel(
                ChunkAssembler.assemble(recording(ANTHROPIC)).model());
        assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasModel("gpt-4o"))
                .hasMessageContainingAll(lines("Expecting model to be:", "  \"gpt-4o\""));
        assertThatThrownBy(() -> assertThatRecording(recording(ANTHROPIC)).hasFormat(Format.GEMINI))
                .hasMessageContainingAll(lines("Expecting format to be:", "  gemini", "but was:", "  anthropic.messages"));
    }

    @Test
    void completeIncompleteWarningsAndErrors() {
        assertThatRecording(recording(SEED_002)).isComplete().hasNoWarnings().hasNoError();
        assertThatRecording(recording(ERROR)).isIncomplete().hasError().hasWarning(Warning.Code.PROVIDER_ERROR)
                .hasWarning(Warning.Code.TRUNCATED).hasFinishReason(FinishReason.ERROR);
        assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).isIncomplete())
                .hasMessageContaining("Expecting an incomplete completion, but it is complete");
        assertThatThrownBy(() -> assertThatRecording(recording(ERROR)).hasNoWarnings())
                .hasMessageContainingAll("Expecting no warnings but found 2:", "provider-error (chunk 7)");
        assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).hasWarning(Warning.Code.STREAM_MISMATCH))
                .hasMessageContainingAll(lines("Expecting a warning:", "  stream-mismatch", "but there are no warnings"));
        assertThatThrownBy(() -> assertThatRecording(recording(ERROR)).hasWarning(Warning.Code.STREAM_MISMATCH))
                .hasMessageContainingAll("but the warnings are:", "[\"provider-error\", \"truncated\"]");
        assertThatThrownBy(() -> assertThatRecording(recording(SEED_002)).hasError())
                .hasMessageContaining("Expecting a provider error, but the stream carried none");
        assertThatThrownBy(() -> assertThatRecording(recording(ERROR)).hasNoError())
                .hasMessageContainingAll("Expecting no provider error but was:", "overloaded_error");
    }

    @Test
    void isCompleteFailsWhenTheFinalResponseDisagreesWithTheStream() {
        assertThatThrownBy(() -> assertThatRecording(recording(MISMATCH)).isComplete())
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("its final response disagrees with what was streamed", "stream-mismatch");
    }

    @Test
    void usageCountsAreNeutral() {
        assertThatRecording(recording(WEB_SEARCH)).usage().hasInputTokens(312).hasOutputTokens(41).hasTotalTokens(353)
                .hasCachedInputTokens(128).hasReasoningTokens(0);
        assertThatRecording(recording(ERROR)).hasUsage(21, 1, 22).usage().hasCacheWriteTokens(0);
        assertThatThrownBy(() -> assertThatRecording(recording(WEB_SEARCH)).usage().hasCacheWriteTokens(0))
                .hasMessageContainingAll(lines("Expecting cache write tokens to be:", "  0", "but was:", "  null"));
    }

    @Test
    void assertionsAreObjectAssertions() {
        Completion c = ChunkAssembler.assemble(recording(SEED_002));
        StreamfoldAssertions.assertThat(c).usingRecursiveComparison().isEqualTo(ChunkAssembler.assemble(recording(SEED_002)));
        StreamfoldAssertions.assertThat(c).extracting(Completion::finishReason).isEqualTo(FinishReason.STOP);
        StreamfoldAssertions.assertThat(c).returns(Format.OPENAI_CHAT, Completion::format);
    }

    @Test
    void recordingsFromAUrlOrAStream() throws Exception {
        Path file = recording(ANTHROPIC);
        URL url = file.toUri().toURL();
        assertThatRecording(url).hasFinishReason(FinishReason.STOP).text().isEqualTo("1, 2, 3, 4, 5");
        try (InputStream in = Files.newInputStream(file)) {
            assertThatRecording(in).hasFormat(Format.ANTHROPIC_MESSAGES);
        }
        InputStream garbage = new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> assertThatRecording(garbage))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Expecting the recording:", "<input stream>", "to assemble, but it failed:");
        StreamfoldSoftAssertions softly = new StreamfoldSoftAssertions();
        softly.assertThatRecording(url).hasFinishReason(FinishReason.LENGTH);
        assertThat(softly.errorsCollected()).singleElement().asString().contains(url.toString());
    }

    @Test
    void classPathRecordings() {
        URL url = Recordings.classpath("io/streamfold/assertj/classpath-recording.sse");
        assertThatRecording(url).hasFinishReason(FinishReason.STOP).text().isEqualTo("From the class path.");
        assertThatThrownBy(() -> Recordings.classpath("no/such.sse"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No recording 'no/such.sse' on the class path");
        assertThat(List.of(url.getProtocol())).containsExactly("file");
    }
}
