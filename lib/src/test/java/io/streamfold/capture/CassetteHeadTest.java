package io.streamfold.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Source;
import io.streamfold.TestRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A YAML cassette is told by its first line that is no comment, document marker or directive,
 * however many of those come first and whatever line ends they have; a stream whose first line
 * is something else is read as the stream it is.
 */
class CassetteHeadTest {

    private static byte[] cassette() throws IOException {
        return Files.readAllBytes(TestRecordings.path("containers/vcrpy-chat.yaml"));
    }

    private static byte[] concat(String head, byte[] rest) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + rest.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(rest, 0, all, h.length, rest.length);
        return all;
    }

    @Test
    void commentsMarkersAndDirectivesBeforeTheFirstKeyAreLookedPast() throws IOException {
        List<Completion> plain = ChunkAssembler.assembleAll(cassette());
        assertThat(plain).hasSizeGreaterThan(1);
        for (String head : List.of("# recorded by vcrpy\n", "---\n", "%YAML 1.2\n---\n", "\r\n# a comment\r\n---  \r\n",
                "\n\n\n", "# é ü 李\n", "#\n".repeat(62))) {
            List<Completion> all = ChunkAssembler.assembleAll(concat(head, cassette()));
            assertThat(all).as(head).isEqualTo(plain);
            assertThat(all).as(head).allSatisfy(c -> assertThat(c.source().container()).isEqualTo(Source.Container.VCR));
        }
    }

    @Test
    void aStreamWhoseFirstLineIsNoCassetteKeyIsReadAsTheStream() throws IOException {
        byte[] sse = Files.readAllBytes(TestRecordings.path("containers/chat-stream.sse"));
        Completion bare = ChunkAssembler.assemble(sse);
        assertThat(bare.source().container()).isEqualTo(Source.Container.STREAM);
        assertThat(ChunkAssembler.assemble(concat("\n\n", sse))).isEqualTo(bare);
    }
}
