package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * In input that is a stream for sure (SSE text, a recording's body), a chunk damaged so that it
 * tells no format is a located error, not "not a stream"; lenient mode keeps the chunks after it
 * (issue 15, item 2).
 */
class DamagedChunkTest {

    private static final String SSE = """
            event: message_start
            data: {"typo":"message_start","message":{"id":"msg_1","role":"assistant","model":"claude","content":[]}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Still here"}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private static final String RECORDING = "{\"request\":{},\"response\":{\"is_streaming\":true,\"body\":["
            + "{\"id\":\"c\",\"choics\":[{\"index\":0,\"delta\":{\"content\":\"lost\"}}]},"
            + "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"kept\"},"
            + "\"finish_reason\":\"stop\"}]}]}}";

    @Test
    void aDamagedFirstEventOfSseText() {
        assertLocatedAndSkipped(SSE, "Still here");
    }

    @Test
    void aDamagedFirstChunkOfARecording() {
        assertLocatedAndSkipped(RECORDING, "kept");
    }

    private static void assertLocatedAndSkipped(String input, String text) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        AssemblyException strict = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(bytes));
        assertThat(strict.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(strict.problem().chunk()).isEqualTo(1);
        assertThat(strict.problem().line()).isPositive();
        assertThat(strict.getMessage()).contains("Expected a chunk of a known streaming format");
        AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental().feed(bytes).finish());
        assertThat(incremental.problem()).isEqualTo(strict.problem());

        Completion lenient = ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withLenient(true));
        assertThat(lenient.text()).isEqualTo(text);
        assertThat(lenient.problems()).singleElement().satisfies(p -> assertThat(p.chunk()).isEqualTo(1));
        assertThat(lenient.incomplete()).isTrue();
    }
}
