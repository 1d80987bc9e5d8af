package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.ANTHROPIC;
import static io.streamfold.assertj.Fixtures.AZURE;
import static io.streamfold.assertj.Fixtures.COMPLETION_TEXT;
import static io.streamfold.assertj.Fixtures.FINISH_LENGTH;
import static io.streamfold.assertj.Fixtures.GEMINI_FUNCTION_CALLS;
import static io.streamfold.assertj.Fixtures.GEMINI_INTERACTIONS;
import static io.streamfold.assertj.Fixtures.GEMINI_TEXT;
import static io.streamfold.assertj.Fixtures.LOGPROBS;
import static io.streamfold.assertj.Fixtures.ONE_TOOL_CALL;
import static io.streamfold.assertj.Fixtures.PARALLEL_TOOL_CALLS;
import static io.streamfold.assertj.Fixtures.REASONING_FIELD;
import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.SEED_001;
import static io.streamfold.assertj.Fixtures.SEED_002;
import static io.streamfold.assertj.Fixtures.SEED_003;
import static io.streamfold.assertj.Fixtures.SEED_004;
import static io.streamfold.assertj.Fixtures.USAGE_FINAL_CHUNK;
import static io.streamfold.assertj.Fixtures.WATSONX;
import static io.streamfold.assertj.Fixtures.recording;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Warning;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assertions over every recording in {@code recordings/}: what each known recording folds to,
 * read from the recordings by hand, and properties every recording in the folder must have.
 */
class BundledRecordingsTest {

    static Stream<Path> everyRecording() {
        // recordings/containers/ holds HTTP recorders' files of several responses each, tested in the library
        return Recordings.bundled().list().stream()
                .filter(path -> !Recordings.bundled().nameOf(path).startsWith("containers/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRecording")
    void everyRecordingAssemblesWholeWithAFinishReason(Path path) {
        Completion completion = ChunkAssembler.assemble(path);
        if (completion.choices().isEmpty()) {
            // Only a prompt blocked before any candidate ends a stream with no choice, and it is complete.
            assertThat(Recordings.bundled().nameOf(path)).matches(".*blocked.*");
            assertThatRecording(path).isComplete();
            return;
        }
        if (completion.hasWarning("truncated")) {
            // The synthetic edge cases that stop early on purpose (cut off, a provider error mid-stream).
            assertThat(Recordings.bundled().nameOf(path)).matches(".*(cut-off|error).*");
            assertThat(completion.incomplete()).isTrue();
            return;
        }
        if (completion.hasWarning(Warning.Code.STREAM_MISMATCH)) {
            // The synthetic Responses stream whose final response disagrees with its deltas, on purpose.
            assertThat(Recordings.bundled().nameOf(path)).matches(".*mismatch.*");
            assertThatThrownBy(() -> assertThatRecording(path).isComplete()).hasMessageContaining("disagrees");
        } else {
            assertThatRecording(path).isComplete();
        }
        assertThat(completion.finishReason()).as("%s finish reason", path).isNotNull();
        assertThat(completion.rawFinishReason()).as("%s raw finish reason", path).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRecording")
    void everyRecordingsFailuresNameIt(Path path) {
        String name = Recordings.bundled().nameOf(path);
        assertThatThrownBy(() -> assertThatRecording(path).hasFinishReason("no such finish reason"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[" + Recordings.display(path) + "]")
                .hasMessageContainingAll(name, "\"no such finish reason\"", "recording: " + Recordings.display(path));
        boolean noChoice = ChunkAssembler.assemble(path).choices().isEmpty();
        assertThatThrownBy(() -> assertThatRecording(path).toolCall("no_such_tool"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(name, noChoice ? "the completion has no choices" : "\"no_such_tool\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRecording")
    void everyToolCallHasANameAndJsonObjectArguments(Path path) {
        Completion completion = ChunkAssembler.assemble(path);
        if (completion.message() == null) {
            return; // no choice, no call (a blocked prompt)
        }
        for (int i = 0; i < completion.message().toolCalls().size(); i++) {
            String name = completion.message().toolCalls().get(i).name();
            assertThat(name).as("%s tool call [%d] name", path, i).isNotBlank();
            assertThatRecording(path).toolCall(i).parsedArguments().isNotNull();
            assertThatRecording(path).toolCall(name).hasName(name);
        }
    }

    @Test
    void theFolderHoldsTheKnownRecordings() {
        List<String> names = Recordings.bundled().list().stream().map(Recordings.bundled()::nameOf).toList();
        assertThat(names).contains(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, ANTHROPIC, AZURE, FINISH_LENGTH,
                LOGPROBS, ONE_TOOL_CALL, PARALLEL_TOOL_CALLS, REASONING_FIELD, USAGE_FINAL_CHUNK, WATSONX,
                GEMINI_FUNCTION_CALLS, GEMINI_INTERACTIONS, GEMINI_TEXT, COMPLETION_TEXT);
    }

    @Test
    void seed000SearchesTwiceForLlama4Maverick() {
        assertThatRecording(recording(SEED_000))
                .hasFormat("openai.chat")
                .hasFinishReason("tool_calls")
                .hasContent(null)
                .hasNoRefusal()
                .hasNoUsage()
                .hasToolCallsNamed("web_search", "web_search")
                .toolCall(0)
                    .hasId("call_HT5dvfaVabEqkflhFw2ASvdC")
                    .hasType("function")
                    .hasArgumentsJson("{\"query\": \"Llama 4 Maverick model number of experts\"}")
                    .returnToCompletion()
                .toolCall(1)
                    .hasId("call_TqHHWM2eIYHmd9lS7pfxAuaT")
                    .hasArgument("query", "Llama 4 Maverick experts architecture");
    }

    @Test
    void seed001AsksForTheWeatherInTwoCities() {
        assertThatRecording(recording(SEED_001))
                .hasFinishReason("tool_calls")
                .hasNoContent()
                .hasToolCallsNamed("get_weather", "get_weather")
                .hasToolCallSatisfying(0, call -> call.hasId("call_kErWvJer6QCWVob8g1QyrJw1")
                        .hasArgument("location", "San Francisco, USA"))
                .hasToolCallSatisfying(1, call -> call.hasId("call_luCJXv7NoR73lVYKKvgETic8")
                        .hasArguments("{\"location\": \"Los Angeles, USA\"}"));
    }

    @Test
    void seed002AnswersWith128Experts() {
        assertThatRecording(recording(SEED_002))
                .hasFinishReason("stop")
                .hasContent("The Llama 4 Maverick model features a mixture-of-experts (MoE) architecture with 128 experts.")
                .hasNoToolCalls()
                .hasNoUsage();
    }

    @Test
    void seed003ShoutsSaturn() {
        assertThatRecording(recording(SEED_003))
                .hasFinishReason("stop")
                .hasContent("THE PLANET WITH RINGS AROUND IT AND A NAME STARTING WITH THE LETTER \"S\" IS SATURN."
                        + " SATURN IS WELL-KNOWN FOR ITS PROMINENT RING SYSTEM.")
                .hasNoToolCalls();
    }

    @Test
    void seed004PlacesLlamasInPeru() {
        assertThatRecording(recording(SEED_004))
                .hasFinishReason("stop")
                .hasContent("Llamas are primarily found in Peru, on the continent of South America.")
                .hasNoToolCalls();
    }

    @Test
    void anthropicCountsToFiveAfterThinking() {
        assertThatRecording(recording(ANTHROPIC))
                .hasFormat("anthropic.messages")
                .hasFinishReason("end_turn")
                .hasContent("1, 2, 3, 4, 5")
                .hasReasoning("We need to count from 1 to 5, separated by commas. So output: 1, 2, 3, 4, 5."
                        + " Probably no trailing comma. Just that.")
                .hasNoToolCalls()
                .hasUsage(79, 64, 143);
    }

    @Test
    void azureSaysHello() {
        assertThatRecording(recording(AZURE))
                .hasFinishReason("stop").hasContent("Hello").hasUsage(15, 2, 17)
                .usage().hasReasoningTokens(0).hasCachedInputTokens(0);
    }

    @Test
    void finishLengthStopsMidSentence() {
        assertThatRecording(recording(FINISH_LENGTH))
                .hasFinishReason("length")
                .hasContent("The history of the Roman Empire is a grand narrative that spans centuries, marked by")
                .hasUsage(27, 16, 43);
    }

    @Test
    void logprobsSaysHumansLiveOnEarth() {
        assertThatRecording(recording(LOGPROBS)).hasFinishReason("stop").hasContent("Humans live on Earth.")
                .hasUsage(14, 6, 20);
    }

    @Test
    void oneToolCallAsksForTheTimeWithEmptyContent() {
        assertThatRecording(recording(ONE_TOOL_CALL))
                .hasFinishReason("tool_calls")
                .hasContent("")
                .hasNoContent()
                .hasNoUsage()
                .toolCall("get_current_time").hasId("call_tv2vqyef").hasArgumentsJson("{}");
    }

    @Test
    void parallelToolCallsSearchFilesTwice() {
        assertThatRecording(recording(PARALLEL_TOOL_CALLS))
                .hasFinishReason("tool_calls")
                .hasContent(null)
                .hasToolCallsNamed("file_search", "file_search")
                .hasUsage(54, 44, 98)
                .toolCall(0).hasId("call_VYoK5dSkatcp9VVVx5WERqkX").hasArgument("query", "marketing")
                .returnToCompletion()
                .toolCall(1).hasId("call_JWXOm0RdBJTsTBr2OpxgLo9l").hasArgument("query", "sales");
    }

    @Test
    void reasoningFieldAddsTwoAndTwo() {
        assertThatRecording(recording(REASONING_FIELD))
                .hasFinishReason("stop")
                .hasContent("By adding the two numbers together, the calculation 2\u202f+\u202f2 yields the final result of 4.")
                .hasUsage(170, 126, 296)
                .satisfies(c -> assertThat(c.message().reasoning())
                        .startsWith("We need to summarize the chain-of-thought reasoning in one or two sentences")
                        .endsWith("Provide one or two sentences."));
    }

    @Test
    void usageFinalChunkHoldsATextThatLooksLikeAToolCall() {
        assertThatRecording(recording(USAGE_FINAL_CHUNK))
                .hasFinishReason("stop")
                .hasContent("{\"name\":\"get_weather\",\"parameters':{'city':'New York'}}")
                .hasNoToolCalls()
                .hasUsage(176, 14, 190);
    }

    @Test
    void watsonxSaysHello() {
        assertThatRecording(recording(WATSONX)).hasFinishReason("stop").hasContent("hello").hasUsage(43, 2, 45);
    }

    @Test
    void geminiCallsTwoFunctionsForParis() {
        assertThatRecording(recording(GEMINI_FUNCTION_CALLS))
                .hasFormat("gemini")
                .hasFinishReason("STOP")
                .hasContent(null)
                .hasToolCallsNamed("get_weather", "get_time")
                .hasUsage(33, 10, 43)
                .toolCall("get_weather").hasId(null).hasType("function").hasArguments("{\"location\":\"Paris\"}")
                .returnToCompletion()
                .toolCall("get_time").hasArgument("location", "Paris");
    }

    @Test
    void geminiInteractionsSaysHelloAfterAnEmptyThought() {
        assertThatRecording(recording(GEMINI_INTERACTIONS))
                .hasFormat("gemini.interactions")
                .hasFinishReason("completed")
                .hasContent("Hello!")
                .hasReasoning("")
                .hasUsage(7, 2, 9);
    }

    @Test
    void geminiTextIsInFactAWebSearchCall() {
        assertThatRecording(recording(GEMINI_TEXT))
                .hasFormat("gemini")
                .hasFinishReason("STOP")
                .hasNoContent()
                .hasToolCallsNamed("web_search")
                .hasUsage(17, 9, 26)
                .toolCall(0).hasArgument("query", "latest news about artificial intelligence");
    }

    @Test
    void completionTextChoosesBlue() {
        assertThatRecording(recording(COMPLETION_TEXT))
                .hasFormat("openai.completion")
                .hasFinishReason("length")
                .contentContains("Blue.\n\nI chose \"blue\"", "rhyming couplet")
                .hasNoToolCalls()
                .hasNoUsage();
    }
}
