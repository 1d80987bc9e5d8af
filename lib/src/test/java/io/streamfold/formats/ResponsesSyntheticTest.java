package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyListener;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import io.streamfold.Warning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code openai.responses}: the synthetic Responses event streams. */
class ResponsesSyntheticTest {

    static final String ID = "resp_68a4c0f2d5e88190b6f7c1d2e3a4b5c60d1e2f3a4b5c6d7e";
    static final String SUMMARY = "**Checking the forecast**\n\nThe user asked about Paris; I will answer briefly and fetch live data.";
    static final String TEXT = "Paris is usually mild in May. Let me fetch today's forecast.";

    /** The {@code response} of the stream's last event (response.completed), as the provider sent it. */
    static JsonNode finalResponse(Path recording) {
        List<JsonNode> events = ContainerForms.read(Recordings.bytes(recording));
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("response.completed");
        return last.path("response");
    }

    // ---------------------------------------------------------------- reasoning summary + text + function call

    private static final Path FULL = Recordings.synthetic("openai.responses-text-call-reasoning.sse");

    @Test
    void fullStream() {
        Completion c = ChunkAssembler.assemble(FULL);
        assertThat(c.format()).hasToString("openai.responses");
        assertThat(c.id()).isEqualTo(ID);
        assertThat(c.model()).isEqualTo("o4-mini-2025-04-16");
        assertThat(c.created()).isEqualTo(1755627762L);
        assertThat(c.chunkCount()).isEqualTo(27);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).as("the deltas agree with response.completed").isEmpty();
        assertThat(c.rawFinishReason()).as("the response's status").isEqualTo("completed");

        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.content()).isEqualTo(TEXT);
        assertThat(m.reasoning()).isEqualTo(SUMMARY);
        assertThat(m.refusal()).isNull();
        assertThat(m.toolCalls()).extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple(0, "call_Qm7rX2vB9nK4pL1sT8wY3zH6", "function_call", "get_weather",
                        "{\"location\":\"Paris, France\"}"));
        assertThat(m.toolCalls().get(0).extra()).containsEntry("id", "fc_68a4c0f7e3d48190aabbccddeeff00112233445566778899");
        assertThat(m.parts()).extracting(p -> (Object) p.getClass())
                .containsExactly(Part.Reasoning.class, Part.Text.class, ToolCall.class);

        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(75L, 182L, 257L);
        assertThat(c.usage().reasoningTokens()).isEqualTo(128L);
        assertThat(c.usage().cachedInputTokens()).isEqualTo(0L);
    }

    @Test
    void serviceTierComesFromTheResponse() {
        // response.created says "auto", response.completed says "default"
        assertThat(ChunkAssembler.assemble(FULL).serviceTier()).isEqualTo("default");
    }

    @Test
    void fullStreamNativeShapeIsTheCompletedResponse() {
        Recordings.assertSameJson(Recordings.tree(ChunkAssembler.assemble(FULL).toJson()), finalResponse(FULL));
    }

    // ---------------------------------------------------------------- deltas disagree with response.completed

    private static final Path MISMATCH = Recordings.synthetic("openai.responses-completed-mismatch.jsonl");

    @Test
    void mismatchIsReportedAndTheCompletedResponseWins() {
        Completion c = ChunkAssembler.assemble(MISMATCH);
        assertThat(c.format()).hasToString("openai.responses");
        assertThat(c.incomplete()).isFalse();
        assertThat(c.hasWarning("stream-mismatch")).isTrue();
        assertThat(c.warnings()).filteredOn(w -> w.code().id().equals("stream-mismatch"))
                .singleElement().satisfies(w -> {
                    assertThat(w.chunk()).as("at response.completed").isEqualTo(27);
                    assertThat(w.message()).contains("Let me fetch today's forecast.");
                });
        assertThat(c.message().content()).isEqualTo("Paris is usually mild in May. Let me fetch the forecast for today.");
        assertThat(c.message().reasoning()).isEqualTo(SUMMARY);
        assertThat(c.message().toolCalls()).extracting(ToolCall::name).containsExactly("get_weather");
        Recordings.assertSameJson(Recordings.tree(c.toJson()), finalResponse(MISMATCH));
    }

    // ---------------------------------------------------------------- cut off before response.completed

    private static final Path CUT = Recordings.synthetic("openai.responses-cut-off.json");

    @Test
    void cutOffStreamIsIncompleteAndTruncated() {
        Completion c = ChunkAssembler.assemble(CUT);
        assertThat(c.format()).hasToString("openai.responses");
        assertThat(c.id()).isEqualTo(ID);
        assertThat(c.chunkCount()).isEqualTo(14);
        assertThat(c.incomplete()).isTrue();
        assertThat(c.hasWarning("truncated")).isTrue();
        assertThat(c.warnings()).extracting(w -> w.code().id()).doesNotContain("stream-mismatch");
        assertThat(c.rawFinishReason()).isNull();
        assertThat(c.usage()).isNull();
        Message m = c.message();
        assertThat(m.content()).as("the two text deltas that arrived").isEqualTo("Paris is usually mild in May.");
        assertThat(m.reasoning()).isEqualTo(SUMMARY);
        assertThat(m.toolCalls()).isEmpty();

        JsonNode tree = Recordings.tree(c.toJson());
        assertThat(tree.path("id").asText()).isEqualTo(ID);
        assertThat(tree.path("status").asText()).isEqualTo("in_progress");
        assertThat(tree.path("output")).hasSize(2);
        assertThat(tree.path("output").path(0).path("summary").path(0).path("text").asText()).isEqualTo(SUMMARY);
        assertThat(tree.path("output").path(1).path("content").path(0).path("text").asText())
                .isEqualTo("Paris is usually mild in May.");
    }

    // ---------------------------------------------------------------- a refusal

    private static final Path REFUSAL = Recordings.synthetic("openai.responses-refusal.jsonl");

    @Test
    void refusal() {
        Completion c = ChunkAssembler.assemble(REFUSAL);
        assertThat(c.format()).hasToString("openai.responses");
        assertThat(c.chunkCount()).isEqualTo(11);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.message().refusal()).isEqualTo("I'm sorry, but I can't assist with that.");
        assertThat(c.message().content()).isNull();
        assertThat(c.message().parts()).singleElement().isInstanceOf(Part.Refusal.class);
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(31L, 12L, 43L);
        Recordings.assertSameJson(Recordings.tree(c.toJson()), finalResponse(REFUSAL));
    }

    @Test
    void refusalThatMatchesIsNotAMismatch() {
        assertThat(ChunkAssembler.assemble(REFUSAL).warnings()).isEmpty();
    }

    /** AssemblyListener: replaying the events rebuilds the completion, so each call starts once. */
    @Test
    void listenerSeesTheCallStartedOnce() {
        List<String> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        AssemblyListener listener = new AssemblyListener() {
            @Override
            public void onTextDelta(int choice, String delta) {
                text.append(delta);
            }

            @Override
            public void onToolCallStarted(int choice, int index, String id, String name) {
                events.add("started " + index + " " + id + " " + name);
            }

            @Override
            public void onToolCallArgumentsDelta(int choice, int index, String delta) {
                arguments.append(delta);
            }
        };
        Completion c = ChunkAssembler.assemble(FULL, AssemblerOptions.defaults().withListener(listener));
        assertThat(events).containsExactly("started 0 call_Qm7rX2vB9nK4pL1sT8wY3zH6 get_weather");
        assertThat(text.toString()).isEqualTo(c.message().content());
        assertThat(arguments.toString()).isEqualTo(c.message().toolCalls().get(0).arguments());
    }

    @Test
    void formatOverride() {
        for (Path p : List.of(FULL, MISMATCH, CUT, REFUSAL)) {
            byte[] bytes = Recordings.bytes(p);
            assertThat(ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.OPENAI_RESPONSES))).as(p.toString())
                    .isEqualTo(ChunkAssembler.assemble(bytes));
        }
    }
}
