package io.streamfold.neutral;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The neutral finish reason of each format's values, as docs/FORMATS.md tabulates them. */
class FinishReasonMappingTest {

    private static Completion fold(String stream) {
        return ChunkAssembler.assemble(stream.getBytes(StandardCharsets.UTF_8));
    }

    private static String chat(String finish, String delta) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta + "}]}\n"
                + "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
                + finish + "\"}]}\n";
    }

    @ParameterizedTest(name = "chat {0} -> {1}")
    @CsvSource({"stop, STOP", "length, LENGTH", "tool_calls, TOOL_CALLS", "function_call, TOOL_CALLS",
            "content_filter, CONTENT_FILTER", "error, ERROR", "eos, STOP", "end_turn, STOP", "max_tokens, LENGTH",
            "MAX_TOKENS, LENGTH", "SAFETY, CONTENT_FILTER", "insufficient_system_resource, OTHER", "COMPLETE, STOP",
            "TOOL_CALL, TOOL_CALLS", "TIMEOUT, ERROR", "guardrail_intervened, CONTENT_FILTER", "load, OTHER"})
    void chat(String raw, FinishReason expected) {
        Completion c = fold(chat(raw, "{\"content\":\"x\"}"));
        assertThat(c.finishReason()).isEqualTo(expected);
        assertThat(c.rawFinishReason()).isEqualTo(raw);
        assertThat(c.choices().get(0).finishReason()).isEqualTo(expected);
    }

    @Test
    void chatStopWithToolCallsIsToolCallsAndARefusalIsContentFilter() {
        Completion calls = fold(chat("stop", "{\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}"));
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.rawFinishReason()).isEqualTo("stop");
        Completion refusal = fold(chat("stop", "{\"refusal\":\"I can't help with that.\"}"));
        assertThat(refusal.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @ParameterizedTest(name = "anthropic {0} -> {1}")
    @CsvSource({"end_turn, STOP", "stop_sequence, STOP", "max_tokens, LENGTH", "model_context_window_exceeded, LENGTH",
            "tool_use, TOOL_CALLS", "refusal, CONTENT_FILTER", "pause_turn, OTHER"})
    void anthropic(String raw, FinishReason expected) {
        Completion c = fold("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + raw
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        assertThat(c.format()).isEqualTo(Format.ANTHROPIC_MESSAGES);
        assertThat(c.finishReason()).isEqualTo(expected);
        assertThat(c.rawFinishReason()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "gemini {0} -> {1}")
    @CsvSource({"STOP, STOP", "MAX_TOKENS, LENGTH", "SAFETY, CONTENT_FILTER", "RECITATION, CONTENT_FILTER",
            "BLOCKLIST, CONTENT_FILTER", "PROHIBITED_CONTENT, CONTENT_FILTER", "SPII, CONTENT_FILTER",
            "IMAGE_SAFETY, CONTENT_FILTER", "MALFORMED_FUNCTION_CALL, ERROR", "LANGUAGE, OTHER", "OTHER, OTHER",
            "FINISH_REASON_UNSPECIFIED, OTHER"})
    void gemini(String raw, FinishReason expected) {
        Completion c = fold("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},\"finishReason\":\""
                + raw + "\",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\"}\n\n");
        assertThat(c.format()).isEqualTo(Format.GEMINI);
        assertThat(c.finishReason()).isEqualTo(expected);
        assertThat(c.rawFinishReason()).isEqualTo(raw);
    }

    @Test
    void geminiStopWithAFunctionCallIsToolCalls() {
        Completion c = fold("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":"
                + "{\"name\":\"f\",\"args\":{\"a\":1}}}]},\"finishReason\":\"STOP\",\"index\":0}]}\n\n");
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
    }

    @Test
    void aPromptGeminiBlockedBeforeAnyCandidateIsContentFilter() {
        Completion c = ChunkAssembler.assemble(Path.of(System.getProperty("streamfold.recordings", "../recordings"),
                "synthetic", "gemini-blocked-prompt.sse"));
        assertThat(c.choices()).isEmpty();
        assertThat(c.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(c.rawFinishReason()).as("the block reason").isEqualTo("SAFETY");
    }

    @ParameterizedTest(name = "responses {0} {1} -> {2}")
    @CsvSource({"completed, , STOP", "incomplete, max_output_tokens, LENGTH", "incomplete, content_filter, CONTENT_FILTER",
            "failed, , ERROR", "cancelled, , OTHER"})
    void responses(String status, String reason, FinishReason expected) {
        String details = reason == null ? "null" : "{\"reason\":\"" + reason + "\"}";
        Completion c = fold("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"output\":[]}}\n"
                + "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\n"
                + "{\"type\":\"response.output_text.delta\",\"output_index\":0,\"content_index\":0,\"item_id\":\"m\",\"delta\":\"Hi\"}\n"
                + "{\"type\":\"response." + (status.equals("completed") ? "completed" : status.equals("failed") ? "failed" : "incomplete")
                + "\",\"response\":{\"id\":\"resp_1\",\"status\":\"" + status + "\",\"incomplete_details\":" + details + "}}\n");
        assertThat(c.format()).isEqualTo(Format.OPENAI_RESPONSES);
        assertThat(c.finishReason()).isEqualTo(expected);
        assertThat(c.rawFinishReason()).as("the response status").isEqualTo(status);
    }

    @ParameterizedTest(name = "interactions {0} -> {1}")
    @CsvSource({"completed, STOP", "requires_action, TOOL_CALLS", "failed, ERROR", "cancelled, OTHER", "incomplete, OTHER"})
    void interactions(String status, FinishReason expected) {
        Completion c = fold("event: interaction.start\ndata: {\"event_type\":\"interaction.start\",\"interaction\":{\"id\":\"v1\",\"status\":\"in_progress\"}}\n\n"
                + "event: content.start\ndata: {\"event_type\":\"content.start\",\"index\":0,\"content\":{\"type\":\"text\"}}\n\n"
                + "event: content.delta\ndata: {\"event_type\":\"content.delta\",\"index\":0,\"delta\":{\"type\":\"text\",\"text\":\"Hi\"}}\n\n"
                + "event: interaction.complete\ndata: {\"event_type\":\"interaction.complete\",\"interaction\":{\"id\":\"v1\",\"status\":\""
                + status + "\"}}\n\n");
        assertThat(c.format()).isEqualTo(Format.GEMINI_INTERACTIONS);
        assertThat(c.finishReason()).isEqualTo(expected);
        assertThat(c.rawFinishReason()).isEqualTo(status);
    }

    @Test
    void aStreamCutOffHasNoFinishReasonAndAProviderErrorIsError() {
        Completion cut = fold("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n");
        assertThat(cut.finishReason()).isNull();
        assertThat(cut.rawFinishReason()).isNull();
        Completion error = ChunkAssembler.assemble(Path.of(System.getProperty("streamfold.recordings", "../recordings"),
                "synthetic", "anthropic.messages-error-midstream.sse"));
        assertThat(error.choices().get(0).finishReason()).as("the choice never finished").isNull();
        assertThat(error.finishReason()).as("the completion ended in an error").isEqualTo(FinishReason.ERROR);
    }
}
