package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** One synthetic recording per tool-call folding rule of FORMATS.md. */
class ToolCallRulesTest {

    @Test
    void rule1SameIndexWithANewIdStartsANewCall() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule1-new-id-at-same-index.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::index, ToolCall::id, ToolCall::arguments)
                .containsExactly(tuple(0, "call_paris", "{\"city\": \"Paris\"}"), tuple(1, "call_rome", "{\"city\": \"Rome\"}"));
        assertThat(c.hasWarning("tool-call-new-id-at-index")).isTrue();
    }

    @Test
    void rule2AFragmentWithoutIndexJoinsTheCallWithItsId() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule2-no-index.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple("call_a", "lookup", "{\"q\": \"llamas\"}"),
                        tuple("call_b", "fetch", "{\"url\": \"https://example.com\"}"));
        assertThat(c.hasWarning("tool-call-joined-by-id")).isTrue();
    }

    @Test
    void rule3IdAndTypeComeFromTheFirstFragmentThatHasThem() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule3-first-id-and-type.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple("call_late", "function", "search", "{\"q\": \"x\"}"),
                        tuple("call_untyped", "function", "ping", "{}"));
    }

    @Test
    void rule4ARepeatedNameIsIgnoredAndANewPieceIsAppended() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule4-repeated-and-split-names.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("get_time", "{\"tz\": \"UTC\"}"), tuple("get_weather", "{\"city\": \"Oslo\"}"));
        assertThat(c.warnings()).extracting(w -> w.code().id())
                .contains("tool-call-repeated-name", "tool-call-name-in-pieces");
    }

    @Test
    void rule5ArgumentsAreConcatenatedExactlyAsSent() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule5-arguments-verbatim.json");

        // Split after a backslash, twice: only the whole is JSON, and its spacing is the model's.
        assertThat(c.message().toolCalls().get(0).arguments())
                .isEqualTo("{ \"text\" :  \"she said \\\"hi\\\" \\u00e9\\n\",\n  \"n\": 1 }");
    }

    @Test
    void rule6CallsKeepTheOrderTheyFirstAppearedIn() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule6-order-of-appearance.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::index, ToolCall::id)
                .containsExactly(tuple(0, "call_second_index"), tuple(1, "call_first_index"));
        assertThat(c.toJson()).contains("\"call_second_index\"").containsSubsequence("call_second_index", "call_first_index");
    }

    @Test
    void rule7EmptyIdsAndNamesAreAbsentAndHeadersMayComeAlone() {
        Completion c = TestRecordings.assemble("synthetic/chat-rule7-empty-ids-and-headers.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("call_hdr", "function", "read_file", "{\"path\": \"/etc/hosts\"}"));
        assertThat(c.hasWarning("tool-call-empty-id-sentinel")).isTrue();
        assertThat(c.usage().totalTokens()).isEqualTo(42L);
    }

    @Test
    void realOllamaRecordingSendsTheWholeCallInOneFragment() {
        Completion c = TestRecordings.assemble("real/chat-one-tool-call--75ae2f583e3e.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("call_tv2vqyef", "get_current_time", "{}"));
        assertThat(c.message().content()).as("Ollama sends content \"\" beside its calls").isEqualTo("");
        assertThat(c.rawFinishReason()).isEqualTo("tool_calls");
    }

    @Test
    void realParallelCallsFoldByIndex() {
        Completion c = TestRecordings.assemble("real/chat-parallel-tool-calls--e73b8fbb6fe7.json");

        assertThat(c.message().toolCalls())
                .extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple("call_VYoK5dSkatcp9VVVx5WERqkX", "file_search", "{\"query\": \"marketing\"}"),
                        tuple("call_JWXOm0RdBJTsTBr2OpxgLo9l", "file_search", "{\"query\": \"sales\"}"));
        assertThat(c.usage()).extracting(Usage::inputTokens, Usage::outputTokens, Usage::totalTokens)
                .containsExactly(54L, 44L, 98L);
    }
}
