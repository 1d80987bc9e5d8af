package io.streamfold.assertj.usage;

import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.ToolCall;
import io.streamfold.assertj.Recordings;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One assertion chain for every provider: the same neutral finish reason, tool-call lookup and
 * usage count pass on a recording of each format streamfold reads. (Legacy completions have no
 * tools: they are in the text cases only.)
 */
class EveryProviderTest {

    /** format, recording, tool, argument, its value, input tokens */
    static List<Arguments> toolCalls() {
        return List.of(
                Arguments.of(Format.OPENAI_CHAT, "real/chat-parallel-tool-calls--e73b8fbb6fe7.json",
                        "file_search", "query", "marketing", 54L),
                Arguments.of(Format.OPENAI_RESPONSES, "synthetic/openai.responses-text-call-reasoning.sse",
                        "get_weather", "location", "Paris, France", 75L),
                Arguments.of(Format.ANTHROPIC_MESSAGES, "synthetic/anthropic.messages-thinking-tools.sse",
                        "get_weather", "location", "Paris, France", 472L),
                Arguments.of(Format.GEMINI, "real/gemini-function-calls--5391ea814cd6.json",
                        "get_weather", "location", "Paris", 33L),
                Arguments.of(Format.GEMINI_INTERACTIONS, "synthetic/gemini.interactions-function-call.sse",
                        "get_weather", "location", "Paris", 61L));
    }

    /** format, recording, a piece of the text, input tokens */
    static List<Arguments> texts() {
        return List.of(
                Arguments.of(Format.OPENAI_CHAT, "real/chat-usage-final-chunk--2a5013730936.json", "New York", 176L),
                Arguments.of(Format.OPENAI_COMPLETION, "synthetic/openai.completion-legacy.jsonl", "Roses are red", 9L),
                Arguments.of(Format.OPENAI_RESPONSES, "synthetic/openai.responses-web-search-text.sse", "sunny", 312L),
                Arguments.of(Format.ANTHROPIC_MESSAGES, "real/anthropic-messages-sse--f22657bfd86d.json", "1, 2, 3", 79L),
                Arguments.of(Format.GEMINI, "synthetic/gemini-citations-per-chunk.sse", "Andes", 6L),
                Arguments.of(Format.GEMINI_INTERACTIONS, "real/gemini-interactions-sse--df62e523dd87.json", "Hello", 7L));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("toolCalls")
    void theModelCalledATool(Format format, String recording, String tool, String argument, String value, long input) {
        assertThatRecording(Recordings.named(recording))
                .hasFormat(format)
                .isComplete()
                .hasFinishReason(FinishReason.TOOL_CALLS)
                .hasToolCall(tool).isOfKind(ToolCall.Kind.FUNCTION).hasArgument(argument, value)
                .returnToCompletion()
                .usage().hasInputTokens(input);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("texts")
    void theModelAnswered(Format format, String recording, String piece, long input) {
        assertThatRecording(Recordings.named(recording))
                .hasFormat(format)
                .isComplete()
                .hasFinishReason(FinishReason.STOP)
                .hasNoToolCalls()
                .usage().hasInputTokens(input)
                .returnToCompletion()
                .text().contains(piece);
    }

    @Test
    void everyFormatIsCovered() {
        Set<Format> withTools = formats(toolCalls());
        assertThat(withTools).isEqualTo(EnumSet.complementOf(EnumSet.of(Format.OPENAI_COMPLETION)));
        assertThat(formats(texts())).containsExactlyInAnyOrder(Format.values());
    }

    private static Set<Format> formats(List<Arguments> cases) {
        return cases.stream().map(a -> (Format) a.get()[0]).collect(Collectors.toCollection(() -> EnumSet.noneOf(Format.class)));
    }

    @Test
    void theProvidersOwnValuesStayBesideTheNeutralOnes() {
        List<String> raw = toolCalls().stream()
                .map(a -> io.streamfold.ChunkAssembler.assemble(Recordings.named((String) a.get()[1])).rawFinishReason())
                .collect(Collectors.toList());
        assertThat(raw).containsExactly("tool_calls", "completed", "tool_use", "STOP", "requires_action");
        assertThat(Arrays.stream(FinishReason.values()).map(Enum::name))
                .containsExactly("STOP", "LENGTH", "TOOL_CALLS", "CONTENT_FILTER", "ERROR", "OTHER");
    }
}
