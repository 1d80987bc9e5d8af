package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, item 5: known gaps in the formats streamfold already read, one test each. */
class KnownGapsTest {

    private static Completion fold(String stream) {
        return Fed.sameInPieces(stream.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(Completion c) {
        return c.warnings().stream().map(w -> String.valueOf(w.code())).toList();
    }

    // ---------------------------------------------------------------- anthropic.messages

    @Test
    void anthropicCompactionBlockConcatenatesItsDeltas() {
        Completion c = fold("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_c1","type":"message","role":"assistant","model":"claude-opus-4-6","content":[],"stop_reason":null,"usage":{"input_tokens":180000,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"compaction","content":null}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"compaction_delta","content":"The user is refactoring "}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"compaction_delta","content":"the parser module."}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Continuing."}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":1}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":40}}

                event: message_stop
                data: {"type":"message_stop"}

                """);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.message().content()).isEqualTo("Continuing.");
        assertThat(c.message().parts()).extracting(Part::type).containsExactly("compaction", "text");
        assertThat(((Part.Other) c.message().parts().get(0)).fields())
                .containsEntry("content", "The user is refactoring the parser module.");
        JsonNode block = Recordings.tree(c.toJson()).at("/content/0");
        assertThat(block.path("type").asText()).isEqualTo("compaction");
        assertThat(block.path("content").asText()).isEqualTo("The user is refactoring the parser module.");
    }

    @Test
    void anthropicBlocksCarriedWholeInMessageStartKeepTheirInput() {
        Completion c = fold("""
                {"type":"message_start","message":{"id":"msg_w1","role":"assistant","model":"m","content":[{"type":"text","text":"Calling."},{"type":"tool_use","id":"toolu_w1","name":"get_time","input":{"zone":"UTC","precise":true}}],"usage":{"input_tokens":5}}}
                {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":9}}
                {"type":"message_stop"}
                """);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.message().content()).isEqualTo("Calling.");
        assertThat(c.message().toolCalls()).extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("toolu_w1", "get_time", "{\"zone\":\"UTC\",\"precise\":true}"));
        assertThat(Recordings.tree(c.toJson()).at("/content/1/input/zone").asText()).isEqualTo("UTC");
    }

    // ---------------------------------------------------------------- openai.chat

    @Test
    void aChatToolCallIndexOfMinusOneIsAKeyLikeAnyOther() {
        Completion c = fold("""
                data: {"id":"glm-1","object":"chat.completion.chunk","model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":-1,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":"}}]}}]}

                data: {"id":"glm-1","object":"chat.completion.chunk","model":"glm-4.5","choices":[{"index":0,"delta":{"tool_calls":[{"index":-1,"function":{"arguments":"\\"Paris\\"}"}}]}}]}

                data: {"id":"glm-1","object":"chat.completion.chunk","model":"glm-4.5","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{}"}}]}}]}

                data: {"id":"glm-1","object":"chat.completion.chunk","model":"glm-4.5","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

                data: [DONE]

                """);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.message().toolCalls()).extracting(ToolCall::index, ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple(0, "call_a", "get_weather", "{\"city\":\"Paris\"}"),
                        tuple(1, "call_b", "get_time", "{}"));
    }

    // ---------------------------------------------------------------- openai.responses

    private static final String CREATED = "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"object\":\"response\","
            + "\"created_at\":1760000000,\"status\":\"in_progress\",\"model\":\"gpt-5\",\"output\":[]}}\n";

    @Test
    void aCustomToolsFreeFormInputIsNotWarnedAboutAsJson() {
        Completion c = fold(CREATED + """
                {"type":"response.output_item.added","output_index":0,"item":{"id":"ctc_1","type":"custom_tool_call","status":"in_progress","call_id":"call_c1","name":"run_sql","input":""}}
                {"type":"response.custom_tool_call_input.delta","output_index":0,"item_id":"ctc_1","delta":"SELECT * "}
                {"type":"response.custom_tool_call_input.delta","output_index":0,"item_id":"ctc_1","delta":"FROM users"}
                {"type":"response.custom_tool_call_input.done","output_index":0,"item_id":"ctc_1","input":"SELECT * FROM users"}
                {"type":"response.output_item.done","output_index":0,"item":{"id":"ctc_1","type":"custom_tool_call","status":"completed","call_id":"call_c1","name":"run_sql","input":"SELECT * FROM users"}}
                """);
        assertThat(codes(c)).doesNotContain("invalid-arguments").contains("truncated");
        assertThat(c.message().toolCalls()).extracting(ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("custom_tool_call", "run_sql", "SELECT * FROM users"));
    }

    @Test
    void responseIncompleteIsATerminalThatKeepsItsStatusAndDetails() {
        Completion c = fold(CREATED + """
                {"type":"response.output_item.added","output_index":0,"item":{"id":"msg_1","type":"message","status":"in_progress","role":"assistant","content":[]}}
                {"type":"response.content_part.added","output_index":0,"content_index":0,"item_id":"msg_1","part":{"type":"output_text","text":"","annotations":[]}}
                {"type":"response.output_text.delta","output_index":0,"content_index":0,"item_id":"msg_1","delta":"Cut sh"}
                {"type":"response.incomplete","response":{"id":"resp_1","object":"response","created_at":1760000000,"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"model":"gpt-5","output":[{"id":"msg_1","type":"message","status":"incomplete","role":"assistant","content":[{"type":"output_text","text":"Cut sh","annotations":[]}]}],"usage":{"input_tokens":9,"output_tokens":2,"total_tokens":11}}}
                """);
        assertThat(codes(c)).doesNotContain("truncated");
        assertThat(c.message().content()).isEqualTo("Cut sh");
        assertThat(Fed.rawFinish(c)).isEqualTo("incomplete");
        assertThat(c.extra()).containsEntry("incomplete_details", Map.of("reason", "max_output_tokens"));
        JsonNode out = Recordings.tree(c.toJson());
        assertThat(out.path("status").asText()).isEqualTo("incomplete");
        assertThat(out.at("/incomplete_details/reason").asText()).isEqualTo("max_output_tokens");
    }

    @Test
    void responseFailedIsATerminalThatKeepsItsError() {
        Completion c = fold(CREATED + """
                {"type":"response.failed","response":{"id":"resp_1","object":"response","created_at":1760000000,"status":"failed","error":{"code":"server_error","message":"The model failed."},"model":"gpt-5","output":[],"usage":null}}
                """);
        assertThat(codes(c)).doesNotContain("truncated");
        assertThat(Fed.rawFinish(c)).isEqualTo("failed");
        assertThat(c.extra()).containsEntry("error", Map.of("code", "server_error", "message", "The model failed."));
        assertThat(Recordings.tree(c.toJson()).at("/error/code").asText()).isEqualTo("server_error");
    }

    @Test
    void anAnnotationAddedAppendsToItsPart() {
        Completion c = fold(CREATED + """
                {"type":"response.output_item.added","output_index":0,"item":{"id":"msg_1","type":"message","status":"in_progress","role":"assistant","content":[]}}
                {"type":"response.content_part.added","output_index":0,"content_index":0,"item_id":"msg_1","part":{"type":"output_text","text":"","annotations":[]}}
                {"type":"response.output_text.delta","output_index":0,"content_index":0,"item_id":"msg_1","delta":"See the docs."}
                {"type":"response.output_text.annotation.added","output_index":0,"content_index":0,"item_id":"msg_1","annotation_index":0,"annotation":{"type":"url_citation","start_index":4,"end_index":12,"url":"https://a.example/docs","title":"Docs"}}
                {"type":"response.output_text.annotation.added","output_index":0,"content_index":0,"item_id":"msg_1","annotation_index":1,"annotation":{"type":"url_citation","start_index":0,"end_index":3,"url":"https://b.example","title":"B"}}
                """);
        Part.Text text = (Part.Text) c.message().parts().get(0);
        List<?> annotations = (List<?>) text.extra().get("annotations");
        assertThat(annotations.stream().map(a -> (Object) ((Map<?, ?>) a).get("url")).toList())
                .containsExactly("https://a.example/docs", "https://b.example");
    }

    @Test
    void itemIdsThatChangeOnEveryEventAreKeyedByOutputIndex() {
        // GitHub Copilot's Responses endpoint sends a new item_id on every event of one item.
        Completion c = fold(CREATED + """
                {"type":"response.output_item.added","output_index":0,"item":{"id":"fc_AAA1","type":"function_call","status":"in_progress","call_id":"call_x","name":"read_file","arguments":""}}
                {"type":"response.function_call_arguments.delta","output_index":0,"item_id":"fc_BBB2","delta":"{\\"path\\":"}
                {"type":"response.function_call_arguments.delta","output_index":0,"item_id":"fc_CCC3","delta":"\\"a.txt\\"}"}
                {"type":"response.function_call_arguments.done","output_index":0,"item_id":"fc_DDD4","arguments":"{\\"path\\":\\"a.txt\\"}"}
                {"type":"response.output_item.done","output_index":0,"item":{"id":"fc_EEE5","type":"function_call","status":"completed","call_id":"call_x","name":"read_file","arguments":"{\\"path\\":\\"a.txt\\"}"}}
                {"type":"response.completed","response":{"id":"resp_1","object":"response","created_at":1760000000,"status":"completed","model":"gpt-5","output":[{"id":"fc_FFF6","type":"function_call","status":"completed","call_id":"call_x","name":"read_file","arguments":"{\\"path\\":\\"a.txt\\"}"}]}}
                """);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.message().toolCalls()).extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("call_x", "read_file", "{\"path\":\"a.txt\"}"));
    }

    @Test
    void outputItemDoneRepeatingTheArgumentsAddsNothing() {
        Completion c = fold(CREATED + """
                {"type":"response.output_item.added","output_index":0,"item":{"id":"fc_1","type":"function_call","status":"in_progress","call_id":"call_1","name":"f","arguments":""}}
                {"type":"response.function_call_arguments.delta","output_index":0,"item_id":"fc_1","delta":"{\\"a\\":1}"}
                {"type":"response.output_item.done","output_index":0,"item":{"id":"fc_1","type":"function_call","status":"completed","call_id":"call_1","name":"f","arguments":"{\\"a\\":1}"}}
                {"type":"response.output_item.added","output_index":1,"item":{"id":"fc_2","type":"function_call","status":"in_progress","call_id":"call_2","name":"g","arguments":""}}
                {"type":"response.output_item.done","output_index":1,"item":{"id":"fc_2","type":"function_call","status":"completed","call_id":"call_2","name":"g","arguments":"{\\"b\\":2}"}}
                """);
        assertThat(codes(c)).as("arguments only in output_item.done are the call whole, not a mismatch")
                .doesNotContain("stream-mismatch");
        assertThat(c.message().toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    // ---------------------------------------------------------------- not a recording

    @Test
    void notARecordingNamesTheKeysItSaw() {
        assertThatThrownBy(() -> ChunkAssembler.assemble("{\"generation_id\":\"g1\",\"text\":\"hi\",\"is_finished\":false}\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssemblyException.class)
                .hasMessageContaining("keys: generation_id, text, is_finished");
    }
}
