package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that is no JSON where a chunk begins is that chunk's fault, not the one before it (issue 15, item 3). */
class NonsenseItemTest {

    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hi\"}}]}";

    @ParameterizedTest
    @ValueSource(strings = {"raw SSE", "JSON Lines", "SSE lines in a recording"})
    void theNonsenseIsTheSecondChunk(String container) {
        String input = switch (container) {
            case "raw SSE" -> "data: " + CHUNK + "\n\ndata: nonsense\n\n";
            case "JSON Lines" -> CHUNK + "\nnonsense\n";
            default -> "{\"request\":{},\"response\":{\"is_streaming\":true,\"body\":[\"data: "
                    + CHUNK.replace("\"", "\\\"") + "\",\"\",\"data: nonsense\",\"\"]}}";
        };
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        Problem batch = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(bytes)).problem();
        Problem incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental().feed(bytes).finish()).problem();
        assertThat(batch.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(batch.message()).contains("nonsense");
        assertThat(batch.chunk()).isEqualTo(2);
        assertThat(incremental).isEqualTo(batch);
    }
}
