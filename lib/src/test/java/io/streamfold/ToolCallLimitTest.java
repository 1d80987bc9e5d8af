package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A stream that starts more tool calls than the options allow is a located LIMIT error (issue 15, item 4). */
class ToolCallLimitTest {

    /** JSON Lines of chat chunks, each starting a new call at index 0 with a new id (Ollama's way). */
    private static byte[] calls(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                    + "[{\"index\":0,\"id\":\"call_").append(i).append("\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                    + "\"arguments\":\"{}\"}}]}}]}\n");
        }
        sb.append("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"tool_calls\"}]}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void callsUpToTheLimitFold() {
        Completion c = ChunkAssembler.assemble(calls(50), AssemblerOptions.builder().maxToolCalls(50).build());
        assertThat(c.message().toolCalls()).hasSize(50);
        assertThat(c.message().toolCalls().get(49).id()).isEqualTo("call_49");
    }

    @Test
    void oneCallMoreIsALocatedLimitThatNamesTheOption() {
        AssemblerOptions options = AssemblerOptions.defaults().withMaxToolCalls(50);
        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(calls(51), options));
        assertThat(e.kind()).isEqualTo(Problem.Kind.LIMIT);
        assertThat(e.problem().chunk()).isEqualTo(51);
        assertThat(e.problem().line()).isEqualTo(51);
        assertThat(e.getMessage()).contains("more than 50 tool calls")
                .contains("AssemblerOptions.builder().maxToolCalls(int)");
        AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental(options).feed(calls(51)).finish());
        assertThat(incremental.problem()).isEqualTo(e.problem());

        Completion lenient = ChunkAssembler.assemble(calls(51), options.withLenient(true));
        assertThat(lenient.message().toolCalls()).hasSize(50);
        assertThat(lenient.incomplete()).isTrue();
    }

    @Test
    void theDefaultIsAHundredThousand() {
        assertThat(AssemblerOptions.defaults().maxToolCalls()).isEqualTo(100_000);
    }
}
