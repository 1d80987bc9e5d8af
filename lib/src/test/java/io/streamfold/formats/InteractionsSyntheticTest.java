package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gemini.interactions}: the content.* (legacy) and step.* (current) dialects. */
class InteractionsSyntheticTest {

    // ---------------------------------------------------------------- content.* dialect, thought + text (raw SSE)

    static final String ID = "v1_ChdVbW9IYWNYbkZ0T2g0ZzhQMnZXYXFBWRIXVW1vSGFjWG5GdE9oNGc4UDJ2V2FxQVk";
    static final String SIG = "CiQB0e2Kb8Z1YzQ3Nzk0LTRmMmMtNGI1Zi05YjI0LTg2ZDc3YWYyYzQxZQ==";
    static final String SUMMARY = "**Counting primes**\n\nThe first primes are 2, 3, 5, 7 and 11.";

    private static Completion content() {
        return ChunkAssembler.assemble(Recordings.synthetic("gemini.interactions-thought-text.sse"));
    }

    @Test
    void contentDialect() {
        Completion c = content();
        assertThat(c.format()).hasToString("gemini.interactions");
        assertThat(c.id()).isEqualTo(ID);
        assertThat(c.model()).isEqualTo("gemini-2.5-flash");
        assertThat(c.chunkCount()).as("13 events; event: done / data: [DONE] is not one").isEqualTo(13);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.rawFinishReason()).as("the interaction's status").isEqualTo("completed");
        Message m = c.message();
        assertThat(m.role()).isEqualTo("model");
        assertThat(m.content()).isEqualTo("The first five primes are 2, 3, 5, 7 and 11.");
        assertThat(m.reasoning()).as("the thought_summary texts").isEqualTo(SUMMARY);
        assertThat(m.parts()).hasSize(2);
        assertThat(m.parts().get(0)).isInstanceOfSatisfying(Part.Reasoning.class, r -> {
            assertThat(r.text()).isEqualTo(SUMMARY);
            assertThat(r.signature()).isEqualTo(SIG);
        });
        assertThat(m.parts().get(1)).isInstanceOf(Part.Text.class);
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .as("output: total_output_tokens 15 + total_thought_tokens 118").containsExactly(9L, 133L, 142L);
        assertThat(c.usage().reasoningTokens()).isEqualTo(118L);
    }

    @Test
    void contentDialectNativeShape() {
        JsonNode tree = Recordings.tree(content().toJson());
        assertThat(tree.path("id").asText()).isEqualTo(ID);
        assertThat(tree.path("object").asText()).isEqualTo("interaction");
        assertThat(tree.path("status").asText()).isEqualTo("completed");
        assertThat(tree.path("model").asText()).isEqualTo("gemini-2.5-flash");
        JsonNode outputs = tree.path("outputs");
        assertThat(outputs).hasSize(2);
        assertThat(outputs.path(0).path("type").asText()).isEqualTo("thought");
        assertThat(outputs.path(0).path("signature").asText()).isEqualTo(SIG);
        // whether consecutive summary texts merge is not settled: compare their concatenation
        StringBuilder summary = new StringBuilder();
        outputs.path(0).path("summary").forEach(s -> {
            assertThat(s.path("type").asText()).isEqualTo("text");
            summary.append(s.path("text").asText());
        });
        assertThat(summary.toString()).isEqualTo(SUMMARY);
        Recordings.assertSameJson(outputs.path(1), Recordings.tree("""
                {"type": "text", "text": "The first five primes are 2, 3, 5, 7 and 11."}"""));
        Recordings.assertSameJson(tree.path("usage"), Recordings.tree("""
                {"total_tokens": 142, "total_input_tokens": 9, "input_tokens_by_modality": [{"modality": "text", "tokens": 9}],
                 "total_cached_tokens": 0, "total_output_tokens": 15, "total_tool_use_tokens": 0, "total_thought_tokens": 118}
                """));
    }

    @Test
    void serviceTierComesFromTheInteraction() {
        assertThat(content().serviceTier()).isEqualTo("standard");
    }

    // ---------------------------------------------------------------- step.* dialect (llama-stack SSE lines)

    static final String ID2 = "v1_ChdQa2RIYWJyWE1kTzhtOVFQaDRLZ29BURIXUGtkSGFickhNZE84bTlRUGg0S2dvQVE";

    private static Completion steps() {
        return ChunkAssembler.assemble(Recordings.synthetic("gemini.interactions-steps.json"));
    }

    @Test
    void stepsDialect() {
        Completion c = steps();
        assertThat(c.format()).hasToString("gemini.interactions");
        assertThat(c.id()).isEqualTo(ID2);
        assertThat(c.model()).isEqualTo("gemini-3-flash-preview");
        assertThat(c.chunkCount()).isEqualTo(11);
        assertThat(c.incomplete()).as("interaction.completed finishes the stream").isFalse();
        assertThat(c.warnings()).as("step.* and interaction.created/completed are known events").isEmpty();
        assertThat(c.rawFinishReason()).isEqualTo("completed");
        Message m = c.message();
        assertThat(m.content()).isEqualTo("1, 2, 3, 4, 5, 6, 7, 8, 9, 10.");
        assertThat(m.parts()).hasSize(2);
        assertThat(m.parts().get(0)).isInstanceOfSatisfying(Part.Reasoning.class,
                r -> assertThat(r.signature()).isEqualTo("CiQB0e2Kb3c5ZjFhMmI0LTk5ZTAtNDM2Ny1hNzM0LTE1ZWYwYWI2MjdkOQ=="));
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .as("output: total_output_tokens 29 + total_thought_tokens 21").containsExactly(11L, 50L, 61L);

        JsonNode tree = Recordings.tree(c.toJson());
        assertThat(tree.path("id").asText()).isEqualTo(ID2);
        assertThat(tree.path("status").asText()).isEqualTo("completed");
        JsonNode items = tree.has("outputs") ? tree.path("outputs") : tree.path("steps");
        assertThat(items.toString()).contains("\"1, 2, 3, 4, 5, 6, 7, 8, 9, 10.\"")
                .contains("CiQB0e2Kb3c5ZjFhMmI0LTk5ZTAtNDM2Ny1hNzM0LTE1ZWYwYWI2MjdkOQ==");
        assertThat(tree.path("usage").path("total_thought_tokens").asInt()).isEqualTo(21);
    }

    // ---------------------------------------------------------------- function calls in both dialects

    private static Completion sse(String events) {
        return ChunkAssembler.assemble(events.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stepsDialectStreamsArgumentsInPieces() {
        Completion c = sse("""
                event: interaction.created
                data: {"interaction":{"id":"v1_fc","status":"in_progress","object":"interaction","model":"gemini-3-flash-preview"},"event_type":"interaction.created"}

                event: step.start
                data: {"index":0,"step":{"type":"function_call","id":"c1","name":"create_tasks","arguments":{}},"event_type":"step.start"}

                event: step.delta
                data: {"index":0,"delta":{"type":"arguments_delta","partial_arguments":"{\\"tasks\\": [\\"a\\","},"event_type":"step.delta"}

                event: step.delta
                data: {"index":0,"delta":{"type":"arguments_delta","partial_arguments":" \\"b\\"]}"},"event_type":"step.delta"}

                event: step.stop
                data: {"index":0,"event_type":"step.stop"}

                event: interaction.completed
                data: {"interaction":{"id":"v1_fc","status":"requires_action","object":"interaction","model":"gemini-3-flash-preview","usage":{"total_tokens":20,"total_input_tokens":12,"total_output_tokens":8}},"event_type":"interaction.completed"}

                data: [DONE]

                """);
        assertThat(c.format()).hasToString("gemini.interactions");
        assertThat(c.rawFinishReason()).isEqualTo("requires_action");
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("c1");
            assertThat(call.name()).isEqualTo("create_tasks");
            assertThat(call.arguments()).isEqualTo("{\"tasks\": [\"a\", \"b\"]}");
        });
    }

    @Test
    void contentDialectSendsWholeArguments() {
        Completion c = sse("""
                event: interaction.start
                data: {"interaction":{"id":"v1_fc2","status":"in_progress","object":"interaction","model":"gemini-2.5-flash"},"event_type":"interaction.start"}

                event: content.start
                data: {"index":0,"content":{"type":"function_call"},"event_type":"content.start"}

                event: content.delta
                data: {"index":0,"delta":{"type":"function_call","id":"fc_9","name":"get_weather","arguments":{"city":"Paris"}},"event_type":"content.delta"}

                event: content.stop
                data: {"index":0,"event_type":"content.stop"}

                event: interaction.complete
                data: {"interaction":{"id":"v1_fc2","status":"requires_action","object":"interaction","model":"gemini-2.5-flash"},"event_type":"interaction.complete"}

                """);
        ToolCall call = c.message().toolCalls().get(0);
        assertThat(call.id()).isEqualTo("fc_9");
        assertThat(call.name()).isEqualTo("get_weather");
        Recordings.assertSameJson(call.arguments(), "{\"city\": \"Paris\"}");
        JsonNode output = Recordings.tree(c.toJson()).path("outputs").path(0);
        Recordings.assertSameJson(output, Recordings.tree("""
                {"type": "function_call", "id": "fc_9", "name": "get_weather", "arguments": {"city": "Paris"}}"""));
    }

    @Test
    void errorEventIsReported() {
        Completion c = sse("""
                event: interaction.start
                data: {"interaction":{"id":"v1_err","status":"in_progress","object":"interaction","model":"gemini-2.5-flash"},"event_type":"interaction.start"}

                event: content.start
                data: {"index":0,"content":{"type":"text"},"event_type":"content.start"}

                event: content.delta
                data: {"index":0,"delta":{"type":"text","text":"Partial"},"event_type":"content.delta"}

                event: error
                data: {"error":{"code":"RESOURCE_EXHAUSTED","message":"Quota exceeded"},"event_type":"error"}

                """);
        assertThat(c.message().content()).isEqualTo("Partial");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message()).contains("Quota exceeded"));
    }

    @Test
    void formatOverride() {
        for (String name : List.of("gemini.interactions-thought-text.sse", "gemini.interactions-steps.json")) {
            byte[] bytes = Recordings.bytes(Recordings.synthetic(name));
            assertThat(ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.GEMINI_INTERACTIONS))).as(name)
                    .isEqualTo(ChunkAssembler.assemble(bytes));
        }
    }
}
