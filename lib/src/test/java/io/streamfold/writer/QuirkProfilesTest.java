package io.streamfold.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import io.streamfold.StreamWriter.Container;
import io.streamfold.StreamWriter.Profile;
import io.streamfold.TestRecordings;
import io.streamfold.Warning;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each profile writes the quirk it is named after, and the reader folds it to the same completion. */
class QuirkProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Completion PARALLEL = TestRecordings.assemble("real/chat-parallel-tool-calls--e73b8fbb6fe7.json");
    private static final Completion THINKING = TestRecordings.assemble("synthetic/anthropic.messages-thinking-tools.sse");

    private static List<JsonNode> chunks(Completion c, Profile profile) throws Exception {
        byte[] bytes = StreamWriter.builder().format(Format.OPENAI_CHAT).container(Container.JSON_LINES).profile(profile)
                .build().write(c);
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            chunks.add(JSON.readTree(line));
        }
        Completion back = ChunkAssembler.assemble(bytes);
        RoundTripPropertyTest.assertFoldsBack(back, c, Format.OPENAI_CHAT, profile.toString());
        return chunks;
    }

    private static List<JsonNode> toolFragments(List<JsonNode> chunks) {
        List<JsonNode> fragments = new ArrayList<>();
        for (JsonNode chunk : chunks) {
            for (JsonNode choice : chunk.path("choices")) {
                choice.path("delta").path("tool_calls").forEach(fragments::add);
            }
        }
        return fragments;
    }

    @Test
    void ollamaSendsEveryCallWholeAtIndexZero() throws Exception {
        List<JsonNode> fragments = toolFragments(chunks(PARALLEL, Profile.OLLAMA));
        assertThat(fragments).hasSize(PARALLEL.message().toolCalls().size()).allSatisfy(f -> {
            assertThat(f.path("index").asInt()).isZero();
            assertThat(f.path("function").path("arguments").asText()).startsWith("{").endsWith("}");
        });
        Completion back = ChunkAssembler.assemble(StreamWriter.builder().format(Format.OPENAI_CHAT).profile(Profile.OLLAMA)
                .build().write(PARALLEL));
        assertThat(back.hasWarning(Warning.Code.TOOL_CALL_NEW_ID_AT_INDEX)).isTrue();
    }

    @Test
    void vllmSendsBothReasoningFieldsAndOneIndexTwice() throws Exception {
        List<JsonNode> chunks = chunks(THINKING, Profile.VLLM);
        assertThat(chunks).anySatisfy(c -> {
            JsonNode delta = c.path("choices").path(0).path("delta");
            assertThat(delta.has("reasoning") && delta.has("reasoning_content")).isTrue();
            assertThat(delta.get("reasoning")).isEqualTo(delta.get("reasoning_content"));
        });
        assertThat(chunks).anySatisfy(c -> {
            JsonNode calls = c.path("choices").path(0).path("delta").path("tool_calls");
            assertThat(calls.size()).isEqualTo(2);
            assertThat(calls.get(0).path("index")).isEqualTo(calls.get(1).path("index"));
        });
    }

    @Test
    void deepSeekPutsTheUsageOnTheFinishingChunk() throws Exception {
        List<JsonNode> chunks = chunks(PARALLEL, Profile.DEEPSEEK);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(last.path("usage").path("prompt_tokens").asLong()).isEqualTo(PARALLEL.usage().inputTokens());
        assertThat(chunks).noneSatisfy(c -> assertThat(c.path("choices").size()).isZero());
    }

    @Test
    void azureFiltersThePromptFirstAndTheOutputAfterTheFinish() throws Exception {
        List<JsonNode> chunks = chunks(PARALLEL, Profile.AZURE);
        assertThat(chunks.get(0).path("prompt_filter_results").path(0).has("content_filter_results")).isTrue();
        assertThat(chunks.get(0).path("choices").size()).isZero();
        assertThat(chunks.get(0).path("id").asText()).isEmpty();
        int finish = -1;
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).path("choices").path(0).path("finish_reason").isTextual()) {
                finish = i;
            }
        }
        assertThat(chunks.get(finish + 1).path("choices").path(0).has("content_filter_offsets")).isTrue();
        Completion back = ChunkAssembler.assemble(StreamWriter.builder().format(Format.OPENAI_CHAT).profile(Profile.AZURE)
                .build().write(PARALLEL));
        assertThat(back.id()).as("the empty id of the filter chunks is no id").isEqualTo(PARALLEL.id());
        assertThat(back.warnings()).isEmpty();
    }

    @Test
    void mistralSendsWholeCallsWithoutIndexOrType() throws Exception {
        List<JsonNode> fragments = toolFragments(chunks(PARALLEL, Profile.MISTRAL));
        assertThat(fragments).hasSize(PARALLEL.message().toolCalls().size())
                .allSatisfy(f -> assertThat(f.has("index") || f.has("type")).isFalse());
    }

    @Test
    void geminiCompatibleChatSendsWholeCallsWithoutIndex() throws Exception {
        List<JsonNode> fragments = toolFragments(chunks(PARALLEL, Profile.GEMINI_CHAT));
        assertThat(fragments).hasSize(PARALLEL.message().toolCalls().size())
                .allSatisfy(f -> assertThat(f.has("index")).isFalse())
                .allSatisfy(f -> assertThat(f.path("type").asText()).isEqualTo("function"));
    }

    @Test
    void togetherRepeatsTheContentAsText() throws Exception {
        List<JsonNode> chunks = chunks(THINKING, Profile.TOGETHER);
        assertThat(chunks).filteredOn(c -> c.path("choices").path(0).path("delta").has("content")
                        && !c.path("choices").path(0).path("delta").path("content").asText().isEmpty())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("choices").path(0).path("text"))
                        .isEqualTo(c.path("choices").path(0).path("delta").path("content")));
    }

    @Test
    void profilesCombine() {
        StreamWriter w = StreamWriter.builder().format(Format.OPENAI_CHAT)
                .profile(Profile.AZURE, Profile.VLLM, Profile.DEEPSEEK, Profile.TOGETHER).build();
        RoundTripPropertyTest.assertFoldsBack(ChunkAssembler.assemble(w.write(THINKING)), THINKING, Format.OPENAI_CHAT, "all");
    }

    @Test
    void aStreamCutAtAnyByteFoldsToAPrefix() {
        byte[] whole = StreamWriter.builder().format(Format.OPENAI_CHAT).build().write(THINKING);
        for (int cut = 0; cut < whole.length; cut += 7) {
            byte[] bytes = StreamWriter.builder().format(Format.OPENAI_CHAT).cutAt(cut).build().write(THINKING);
            assertThat(bytes).hasSize(cut);
            Completion back = ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withLenient(true));
            assertThat(THINKING.text()).as("cut at " + cut).startsWith(back.text());
            assertThat(THINKING.reasoning()).as("cut at " + cut).startsWith(back.reasoning());
            assertThat(back.finishReason()).as("cut at " + cut).isIn(null, FinishReason.TOOL_CALLS);
        }
    }

    @Test
    void profilesNeedOpenAiChat() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> StreamWriter.builder().format(Format.GEMINI).profile(Profile.VLLM).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openai.chat");
    }
}
