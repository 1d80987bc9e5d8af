package io.streamfold.assertj;

import static io.streamfold.assertj.Fixtures.SEED_000;
import static io.streamfold.assertj.Fixtures.recording;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.Choice;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact view that failures end with. */
class CompletionDescriptionTest {

    @Test
    void describesARecordedCompletion() {
        Completion completion = ChunkAssembler.assemble(recording(SEED_000));
        assertThat(CompletionDescription.of(completion, "recordings/" + SEED_000)).isEqualTo(String.join("\n",
                "recording: recordings/seeds/000_4f3d0a612d65cd5e.json",
                "format: openai.chat, 26 chunks",
                "finish reason: TOOL_CALLS (\"tool_calls\")",
                "content: null",
                "tool calls:",
                "  [0] web_search {\"query\": \"Llama 4 Maverick model number of experts\"} (id call_HT5dvfaVabEqkflhFw2ASvdC)",
                "  [1] web_search {\"query\": \"Llama 4 Maverick experts architecture\"} (id call_TqHHWM2eIYHmd9lS7pfxAuaT)",
                "usage: none"));
    }

    @Test
    void showsEachChoiceWhenThereAreSeveral() {
        Completion completion = ChunkAssembler.assemble(Fixtures.TWO_CHOICES_STREAM.getBytes(StandardCharsets.UTF_8));
        assertThat(CompletionDescription.of(completion)).isEqualTo(String.join("\n",
                "format: openai.chat, 4 chunks",
                "choice [0]:",
                "  finish reason: STOP (\"stop\")",
                "  content: \"Yes\"",
                "  tool calls: none",
                "choice [1]:",
                "  finish reason: TOOL_CALLS (\"tool_calls\")",
                "  content: \"No\"",
                "  tool calls:",
                "    [0] lookup {\"n\": 2, \"deep\": {\"ok\": true, \"tags\": [\"a\", null]}} (id call_1)",
                "usage: input 5, output 7, total 12, reasoning 3, cached 4"));
    }

    @Test
    void showsRefusalReasoningWarningsAndIncompleteness() {
        Completion refusal = ChunkAssembler.assemble(Fixtures.REFUSAL_STREAM.getBytes(StandardCharsets.UTF_8));
        assertThat(CompletionDescription.of(refusal)).contains("content: null\nrefusal: \"I can't help with that.\"");
        Completion cut = ChunkAssembler.assemble(Fixtures.TRUNCATED_STREAM.getBytes(StandardCharsets.UTF_8));
        assertThat(CompletionDescription.of(cut)).contains("format: openai.chat, 1 chunk, incomplete",
                "finish reason: null", "content: \"Hel\"",
                "warnings: [truncated (chunk 1): the stream ended without a finish reason]");
    }

    @Test
    void cutsLongTextsAndEscapesLineBreaks() {
        String text = "line one\nline two\t" + "x".repeat(200);
        String preview = CompletionDescription.preview(text);
        assertThat(preview).startsWith("\"line one\\nline two\\t").endsWith("...(218 chars)\"")
                .doesNotContain("\n").hasSize(1 + CompletionDescription.PREVIEW_LENGTH + "...(218 chars)".length() + 1);
        assertThat(CompletionDescription.preview(null)).isEqualTo("null");
        assertThat(CompletionDescription.preview("\uD83D\uDE00".repeat(70))).doesNotContain("\uD83D.");
    }

    @Test
    void describesPartsAlone() {
        assertThat(CompletionDescription.of(new ToolCall(2, null, "function", null, ""))).isEqualTo("[2] <no name> <no arguments>");
        assertThat(CompletionDescription.of(new Usage(3L, null, null))).isEqualTo("input 3, output null, total null");
        assertThat(CompletionDescription.of((Usage) null)).isEqualTo("none");
        Message message = new Message("assistant", "Hi", null, "thinking", List.of());
        assertThat(CompletionDescription.of(message)).isEqualTo("content: \"Hi\"\nreasoning: \"thinking\"\ntool calls: none");
        assertThat(CompletionDescription.of(new Choice(0, message, FinishReason.STOP, "stop", null))).startsWith("finish reason: STOP (\"stop\")\n");
        assertThat(CompletionDescription.of((Completion) null, "x.json")).isEqualTo("recording: x.json\ncompletion: null");
        assertThat(CompletionDescription.of(new Completion(Format.GEMINI, null, null, null, null, null, List.of(), null)))
                .isEqualTo("format: gemini, 0 chunks\nchoices: none\nusage: none");
    }
}
