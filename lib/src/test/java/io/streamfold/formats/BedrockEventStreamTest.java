package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.IncrementalAssembler;
import io.streamfold.Problem;
import io.streamfold.internal.parsing.EventStreamFrames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bedrock's binary {@code application/vnd.amazon.eventstream} framing, as an HTTP recorder stores
 * the body: told from its first bytes and folded by both readers like the SDKs' decoded events.
 */
class BedrockEventStreamTest {

    private static final String SAMPLE = "real/bedrock-converse-reasoning-text--vercel-ai.jsonl";

    private static Completion decoded() throws IOException {
        return ChunkAssembler.assemble(Files.readAllBytes(Recordings.root().resolve(SAMPLE)));
    }

    @Test
    void theBinaryFramesFoldLikeTheDecodedEvents() throws IOException {
        byte[] frames = EventStreamFrames.of(Recordings.root().resolve(SAMPLE));
        Completion expected = decoded();
        Completion fromBytes = ChunkAssembler.assemble(frames);
        assertThat(fromBytes.format()).isEqualTo(Format.BEDROCK_CONVERSE);
        assertThat(fromBytes.text()).isEqualTo(expected.text()).isNotEmpty();
        assertThat(fromBytes.reasoning()).isEqualTo(expected.reasoning()).isNotEmpty();
        assertThat(fromBytes.rawFinishReason()).isEqualTo("end_turn");
        assertThat(fromBytes.usage()).isEqualTo(expected.usage());
        assertThat(ChunkAssembler.assemble(new ByteArrayInputStream(frames))).isEqualTo(fromBytes);
        for (int piece : new int[] {1, 5, 12, 13, 100, 4096}) {
            IncrementalAssembler assembler = ChunkAssembler.incremental();
            for (int at = 0; at < frames.length; at += piece) {
                assembler.feed(frames, at, Math.min(piece, frames.length - at));
            }
            assertThat(assembler.finish()).as("fed %d bytes at a time", piece).isEqualTo(fromBytes);
        }
    }

    @Test
    void aDamagedFrameIsALocatedErrorInBothReaders() throws IOException {
        byte[] frames = EventStreamFrames.of(Recordings.root().resolve(SAMPLE));
        int second = EventStreamFrames.lengthOfFirst(frames);
        byte[] damaged = Arrays.copyOf(frames, frames.length);
        damaged[second + 20] ^= 0x40; // inside the second message: its message CRC no longer matches
        AssemblyException batch = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(damaged));
        assertThat(batch.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(batch.problem().chunk()).isEqualTo(2);
        assertThat(batch.problem().byteOffset()).isEqualTo(second);
        assertThat(batch.getMessage()).contains("event stream");
        AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental().feed(damaged).finish());
        assertThat(incremental.problem()).isEqualTo(batch.problem());

        Completion lenient = ChunkAssembler.assemble(damaged, AssemblerOptions.defaults().withLenient(true));
        assertThat(lenient.incomplete()).isTrue();
        assertThat(lenient.problems()).singleElement().satisfies(p -> assertThat(p.chunk()).isEqualTo(2));
    }
}
