package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A llama-stack recording with {@code is_streaming: false} holds one response object: it folds
 * as that response, before or after the flag; one that is no LLM response is still no stream.
 */
class NonStreamingRecordingTest {

    private static final String CHAT = "{\"__type__\":\"openai.types.chat.chat_completion.ChatCompletion\",\"__data__\":"
            + "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1741569952,\"model\":\"llama3.2:3b\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris.\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}}}";

    private static String recording(String body, boolean flagFirst) {
        String flag = "\"is_streaming\": false";
        return "{\"test_id\": \"tests/test_x.py::test_y\", \"request\": {\"method\": \"POST\", \"url\": "
                + "\"http://localhost:11434/v1/chat/completions\"}, \"response\": {"
                + (flagFirst ? flag + ", \"body\": " + body : "\"body\": " + body + ", " + flag) + "}}";
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aChatCompletionBodyFolds(boolean flagFirst) {
        byte[] bytes = recording(CHAT, flagFirst).getBytes(StandardCharsets.UTF_8);
        Completion c = ChunkAssembler.assemble(bytes);
        assertThat(c.text()).isEqualTo("Paris.");
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.usage().inputTokens()).isEqualTo(12L);
        assertThat(c.streamed()).isFalse();
        assertThat(c.incomplete()).isFalse();
        assertThat(ChunkAssembler.incremental().feed(bytes).finish()).isEqualTo(c);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anEmbeddingsBodyIsStillNoStream(boolean flagFirst) {
        String embeddings = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2]}],"
                + "\"model\":\"nomic-embed-text\"}";
        byte[] bytes = recording(embeddings, flagFirst).getBytes(StandardCharsets.UTF_8);
        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(bytes));
        assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
        AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental().feed(bytes).finish());
        assertThat(incremental.kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
    }
}
