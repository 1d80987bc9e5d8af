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
 * tells no format is a located error, not "not a stream"; so it is in a sequence of chunks (JSON
 * Lines, a bare array) when a later chunk tells the format. A recording is told by any of its keys.
 * Lenient mode keeps the chunks after the damaged one (issue 15, item 2).
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

    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}";

    private static final String JSON_LINES = """
            {"typo":"message_start","message":{"id":"msg_1","role":"assistant","model":"claude","content":[]}}
            {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}
            {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Still here"}}
            {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}
            {"type":"message_stop"}
            """;

    @Test
    void aRecordingWhoseFirstKeyIsDamagedIsToldByTheOthers() {
        for (String input : new String[] {
            "{\"test_idx\":\"t\",\"request\":{\"url\":\"x\"},\"response\":{\"body\":[" + CHUNK + "],\"is_streaming\":true}}",
            "{\"test_idx\":\"t\",\"response\":{\"body\":[" + CHUNK + "],\"is_streaming\":true}}",
            "{\"test_idx\":\"t\",\"response\":{\"is_streaming\":true,\"body\":[" + CHUNK + "]}}"}) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            assertThat(ChunkAssembler.assemble(bytes).text()).as(input).isEqualTo("Hi");
            assertThat(ChunkAssembler.incremental().feed(bytes).finish().text()).as(input).isEqualTo("Hi");
        }
    }

    @Test
    void aRecordingWithoutResponseOrBodyIsALocatedError() {
        assertLocated("{\"test_id\":\"t\",\"request\":{},\"respXnse\":{\"body\":[" + CHUNK + "],\"is_streaming\":true}}",
                "Expected a response in the recording");
        assertLocated("{\"test_id\":\"t\",\"request\":{},\"response\":{\"bXdy\":[" + CHUNK + "],\"is_streaming\":true}}",
                "Expected a body in the recording's response");
    }

    @Test
    void aDamagedFirstChunkOfJsonLinesIsToldByTheNextOnes() {
        assertLocatedAndSkipped(JSON_LINES, "Still here");
    }

    @Test
    void aDamagedFirstChunkOfABareArrayIsToldByTheNextOnes() {
        assertLocatedAndSkipped("[" + CHUNK.replace("\"object\"", "\"objXct\"").replace("choices", "choics") + ","
                + CHUNK.replace("Hi", "kept") + "]", "kept");
    }

    @Test
    void aChunkToldByItsObjectWithItsChoicesMisspeltIsWarnedByTheKeyItHas() {
        byte[] bytes = (CHUNK.replace("choices", "choics").replace("Hi", "lost") + "\n" + CHUNK + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Completion completion = ChunkAssembler.assemble(bytes);
        assertThat(completion.text()).isEqualTo("Hi");
        assertThat(completion.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(io.streamfold.Warning.Code.UNRECOGNIZED_CHUNK);
            assertThat(w.chunk()).isEqualTo(1);
            assertThat(w.message()).contains("keys the format does not have: choics");
        });
        assertThat(ChunkAssembler.incremental().feed(bytes).finish().warnings()).isEqualTo(completion.warnings());
    }

    @Test
    void jsonLinesOfWhichNoChunkTellsAFormatAreNoStream() {
        byte[] bytes = "{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);
        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(bytes));
        assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
        assertThat(e.getMessage()).contains("keys: a");
        assertThat(catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.incremental().feed(bytes).finish())
                .problem()).isEqualTo(e.problem());
    }

    /** Strict: a located error, the same both ways; lenient: that error as the problem of an incomplete completion. */
    private static void assertLocated(String input, String message) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(bytes));
        assertThat(e.kind()).as(input).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.problem().line()).isPositive();
        assertThat(e.problem().column()).isPositive();
        assertThat(catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.incremental().feed(bytes).finish())
                .problem()).isEqualTo(e.problem());
        AssemblerOptions lenient = AssemblerOptions.defaults().withLenient(true);
        Completion partial = ChunkAssembler.assemble(bytes, lenient);
        assertThat(partial.incomplete()).isTrue();
        assertThat(partial.problems()).containsExactly(e.problem());
        assertThat(ChunkAssembler.incremental(lenient).feed(bytes).finish().problems()).containsExactly(e.problem());
    }

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
