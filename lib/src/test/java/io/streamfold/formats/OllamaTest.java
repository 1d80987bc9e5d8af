package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ollama.chat} and {@code ollama.generate}: Ollama's native NDJSON streams. */
class OllamaTest {

    @Test
    void chatWithThinkingAndWholeToolCalls() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.synthetic("ollama.chat-thinking-tool-calls.jsonl")));

        assertThat(c.format()).hasToString("ollama.chat");
        assertThat(c.model()).isEqualTo("qwen3:8b");
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        Message m = c.message();
        assertThat(m.role()).isEqualTo("assistant");
        assertThat(m.reasoning()).isEqualTo("The user wants weather in Tokyo and Paris.");
        assertThat(m.content()).isEqualTo("Checking both cities.");
        assertThat(m.toolCalls()).extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple(0, "call_k1xq8v2m", "function", "get_weather", "{\"city\":\"Tokyo\",\"unit\":\"celsius\",\"days\":[1,2]}"),
                        tuple(1, null, "function", "get_weather", "{\"city\":\"Paris\",\"note\":\"caf\u00e9\"}"));
        assertThat(Fed.rawFinish(c)).isEqualTo("stop");
        assertThat(c.usage().inputTokens()).isEqualTo(182L);
        assertThat(c.usage().outputTokens()).isEqualTo(96L);
        assertThat(c.usage().totalTokens()).isEqualTo(278L);
        assertThat(c.usage().detail("eval_duration")).as("nanoseconds, as sent").isEqualTo(4535599000L);

        Recordings.assertSameJson(c.toJson(), """
                {"model": "qwen3:8b", "created_at": "2025-09-12T08:14:03.032117Z",
                 "message": {"role": "assistant", "content": "Checking both cities.",
                   "thinking": "The user wants weather in Tokyo and Paris.",
                   "tool_calls": [
                     {"id": "call_k1xq8v2m", "function": {"index": 0, "name": "get_weather",
                       "arguments": {"city": "Tokyo", "unit": "celsius", "days": [1, 2]}}},
                     {"function": {"name": "get_weather", "arguments": {"city": "Paris", "note": "caf\u00e9"}}}]},
                 "done": true, "done_reason": "stop",
                 "total_duration": 4883583458, "load_duration": 1334875, "prompt_eval_count": 182,
                 "prompt_eval_duration": 342546000, "eval_count": 96, "eval_duration": 4535599000}
                """);
    }

    @Test
    void generateWithContext() {
        Completion c = Fed.sameInPieces(Recordings.bytes(Recordings.synthetic("ollama.generate-text-context.ndjson")));

        assertThat(c.format()).hasToString("ollama.generate");
        assertThat(c.message().content()).isEqualTo("The sky is blue \ud83c\udf0d");
        assertThat(Fed.rawFinish(c)).isEqualTo("length");
        assertThat(c.usage().inputTokens()).isEqualTo(31L);
        assertThat(c.usage().outputTokens()).isEqualTo(3L);
        Recordings.assertSameJson(c.toJson(), """
                {"model": "llama3.2", "created_at": "2025-09-12T09:01:11.565004Z", "response": "The sky is blue \ud83c\udf0d",
                 "done": true, "done_reason": "length", "context": [128006, 882, 128007, 271, 791, 13180],
                 "total_duration": 2036475833, "load_duration": 19834875, "prompt_eval_count": 31,
                 "prompt_eval_duration": 172000000, "eval_count": 3, "eval_duration": 64000000}
                """);
    }

    @Test
    void keysSortedDoneBeforeResponseStillTellGenerate() {
        String stream = """
                {"created_at":"t1","done":false,"model":"m","response":"Hel"}
                {"created_at":"t2","done":false,"model":"m","response":"lo","thinking":""}
                {"created_at":"t3","done":true,"eval_count":2,"model":"m","prompt_eval_count":5,"response":""}
                """;
        Completion c = Fed.sameInPieces(stream.getBytes(StandardCharsets.UTF_8));
        assertThat(c.format()).hasToString("ollama.generate");
        assertThat(c.message().content()).isEqualTo("Hello");
        assertThat(Fed.rawFinish(c)).as("an old Ollama's done without done_reason").isEqualTo("stop");
        assertThat(c.usage().totalTokens()).isEqualTo(7L);
    }

    @Test
    void anErrorLineMidStreamIsTheProvidersError() {
        String stream = """
                {"model":"m","created_at":"t1","message":{"role":"assistant","content":"Par"},"done":false}
                {"error":"an error was encountered while running the model: unexpected EOF"}
                """;
        Completion c = ChunkAssembler.assemble(stream.getBytes(StandardCharsets.UTF_8),
                AssemblerOptions.defaults().withFormat(Format.OLLAMA_CHAT));
        assertThat(c.format()).hasToString("ollama.chat");
        assertThat(c.message().content()).isEqualTo("Par");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.warnings()).extracting(w -> w.code().toString()).contains("provider-error", "truncated");
    }

    @Test
    void theFormatGivenAsGenerateReadsGenerateChunks() {
        byte[] bytes = Recordings.bytes(Recordings.synthetic("ollama.generate-text-context.ndjson"));
        Completion c = ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.OLLAMA_GENERATE));
        assertThat(c).isEqualTo(ChunkAssembler.assemble(bytes));
    }
}
