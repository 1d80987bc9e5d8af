package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of incremental assembly over every bundled recording: any split of the same bytes
 * gives what {@code assemble} gives; snapshots only grow; listener events rebuild the result.
 */
class IncrementalAssemblerTest {

    static Stream<Path> recordings() {
        return TestRecordings.all(".").stream();
    }

    private static Completion feedInPieces(byte[] bytes, int[] cuts, AssemblerOptions options) {
        IncrementalAssembler assembler = ChunkAssembler.incremental(options);
        int from = 0;
        for (int cut : cuts) {
            assembler.feed(bytes, from, cut - from);
            from = cut;
        }
        assembler.feed(bytes, from, bytes.length - from);
        return assembler.finish();
    }

    private static int[] randomCuts(int length, Random random, int count) {
        return random.ints(count, 0, length + 1).sorted().toArray();
    }

    private static int[] everyByte(int length) {
        int[] cuts = new int[length];
        for (int i = 0; i < length; i++) {
            cuts[i] = i;
        }
        return cuts;
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void theSseFormInAnySplitAssemblesAsAWhole(Path recording) {
        byte[] sse = SseForms.of(recording);
        Completion whole = ChunkAssembler.assemble(sse);

        assertThat(feedInPieces(sse, new int[0], AssemblerOptions.defaults())).isEqualTo(whole);
        assertThat(feedInPieces(sse, everyByte(sse.length), AssemblerOptions.defaults())).isEqualTo(whole);
        Random random = new Random(recording.getFileName().toString().hashCode());
        for (int round = 0; round < 20; round++) {
            int[] cuts = randomCuts(sse.length, random, 1 + random.nextInt(40));
            assertThat(feedInPieces(sse, cuts, AssemblerOptions.defaults())).as("cuts %s", java.util.Arrays.toString(cuts))
                    .isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void theSseFormFoldsLikeTheRecordingItself(Path recording) {
        Completion fromRecording = ChunkAssembler.assemble(recording);
        Completion fromSse = feedInPieces(SseForms.of(recording), randomCuts(100, new Random(7), 5), AssemblerOptions.defaults());

        assertThat(fromSse.format()).isEqualTo(fromRecording.format());
        assertThat(fromSse.choices()).isEqualTo(fromRecording.choices());
        assertThat(fromSse.usage()).isEqualTo(fromRecording.usage());
        assertThat(fromSse.toJson()).isEqualTo(fromRecording.toJson());
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void theRecordingFileItselfInAnySplitAssemblesAsAWhole(Path recording) throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        Completion whole = ChunkAssembler.assemble(recording);
        Random random = new Random(42);

        for (int round = 0; round < 10; round++) {
            Completion pieces = feedInPieces(bytes, randomCuts(bytes.length, random, 1 + random.nextInt(60)),
                    AssemblerOptions.defaults().withSource(recording.toString()));
            assertThat(pieces).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void eachSnapshotsTextIsAPrefixOfTheNextOnes(Path recording) {
        byte[] sse = SseForms.of(recording);
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        Completion whole = ChunkAssembler.assemble(sse);
        // The documented exceptions: a final response that replaces its deltas, rebuilt Gemini arguments.
        assumeFalse(whole.hasWarning("stream-mismatch"), "the final response replaced what the deltas built");
        boolean rebuiltArguments = whole.format() == Format.GEMINI;
        Completion previous = assembler.snapshot();
        for (int from = 0; from < sse.length; from += 37) {
            assembler.feed(sse, from, Math.min(37, sse.length - from));
            Completion next = assembler.snapshot();
            assertGrows(previous, next, rebuiltArguments);
            previous = next;
        }
        assertGrows(previous, assembler.finish(), rebuiltArguments);
    }

    private static void assertGrows(Completion before, Completion after, boolean rebuiltArguments) {
        for (Choice choice : before.choices()) {
            Message now = after.choice(choice.index()).orElseThrow().message();
            Message then = choice.message();
            assertThat(nullToEmpty(now.content())).startsWith(nullToEmpty(then.content()));
            assertThat(nullToEmpty(now.reasoning())).startsWith(nullToEmpty(then.reasoning()));
            assertThat(now.toolCalls().size()).isGreaterThanOrEqualTo(then.toolCalls().size());
            for (int i = 0; i < then.toolCalls().size(); i++) {
                ToolCall was = then.toolCalls().get(i);
                ToolCall is = now.toolCalls().get(i);
                if (was.id() != null) {
                    assertThat(is.id()).as("an id once known stays").isEqualTo(was.id());
                }
                if (!rebuiltArguments) {
                    assertThat(is.arguments()).startsWith(was.arguments());
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void listenerEventsReplayedRebuildTheCompletion(Path recording) {
        Replay replay = new Replay();
        byte[] sse = SseForms.of(recording);
        Completion completion = feedInPieces(sse, randomCuts(sse.length, new Random(3), 30),
                AssemblerOptions.defaults().withListener(replay));

        assertThat(replay.finished).isSameAs(completion);
        assumeFalse(completion.hasWarning("stream-mismatch"), "events told the deltas; the final response replaced them");
        for (Choice choice : completion.choices()) {
            Message m = choice.message();
            assertThat(replay.text.getOrDefault(choice.index(), new StringBuilder()).toString())
                    .isEqualTo(nullToEmpty(m.content()));
            assertThat(replay.reasoning.getOrDefault(choice.index(), new StringBuilder()).toString())
                    .isEqualTo(nullToEmpty(m.reasoning()));
            List<String[]> calls = replay.calls.getOrDefault(choice.index(), List.of());
            // The listener numbers every call the stream started, Anthropic's server calls among them, in
            // part order; Responses server items are whole output items, not calls it is told about.
            List<ToolCall> told = m.parts().stream().filter(p -> p instanceof ToolCall).map(p -> (ToolCall) p)
                    .filter(call -> completion.format() != Format.OPENAI_RESPONSES || call.kind() != ToolCall.Kind.SERVER)
                    .toList();
            assertThat(calls).hasSize(told.size());
            for (int i = 0; i < told.size(); i++) {
                ToolCall call = told.get(i);
                String[] replayed = calls.get(i);
                assertThat(replayed[0]).as("arguments of call %s", i).isEqualTo(call.arguments());
                assertThat(replayed[1]).as("completed call %s", i).isEqualTo(call.arguments());
            }
        }
    }

    /** Rebuilds text and calls from the events alone. */
    static final class Replay implements AssemblyListener {
        final Map<Integer, StringBuilder> text = new LinkedHashMap<>();
        final Map<Integer, StringBuilder> reasoning = new LinkedHashMap<>();
        final Map<Integer, List<String[]>> calls = new LinkedHashMap<>();
        Completion finished;

        @Override
        public void onTextDelta(int choice, String delta) {
            text.computeIfAbsent(choice, k -> new StringBuilder()).append(delta);
        }

        @Override
        public void onReasoningDelta(int choice, String delta) {
            reasoning.computeIfAbsent(choice, k -> new StringBuilder()).append(delta);
        }

        @Override
        public void onToolCallStarted(int choice, int index, String id, String name) {
            List<String[]> list = calls.computeIfAbsent(choice, k -> new ArrayList<>());
            assertThat(index).isEqualTo(list.size());
            list.add(new String[] {"", null});
        }

        @Override
        public void onToolCallArgumentsDelta(int choice, int index, String delta) {
            calls.get(choice).get(index)[0] += delta;
        }

        @Override
        public void onToolCallCompleted(int choice, ToolCall call) {
            String[] entry = calls.get(choice).get(call.index());
            assertThat(call.arguments()).as("a completed call's arguments are those streamed so far").isEqualTo(entry[0]);
            entry[1] = call.arguments(); // the last completion is the whole call
        }

        @Override
        public void onFinished(Completion completion) {
            finished = completion;
        }
    }

    @Test
    void aByteBufferFeedsLikeAnArray() {
        byte[] sse = SseForms.of(TestRecordings.path("seeds/000_4f3d0a612d65cd5e.json"));
        IncrementalAssembler heap = ChunkAssembler.incremental();
        IncrementalAssembler direct = ChunkAssembler.incremental();
        ByteBuffer buffer = ByteBuffer.allocateDirect(sse.length);
        buffer.put(sse).flip();

        heap.feed(ByteBuffer.wrap(sse));
        direct.feed(buffer);

        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(direct.finish()).isEqualTo(heap.finish()).isEqualTo(ChunkAssembler.assemble(sse));
    }

    @Test
    void aStreamThatEndsMidChunkIsALocatedError() {
        byte[] sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel".getBytes(StandardCharsets.UTF_8);
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feed(sse);

        assertThatThrownBy(assembler::finish).isInstanceOf(AssemblyException.class)
                .hasMessageContaining("end-of-input")
                .satisfies(e -> assertThat(((AssemblyException) e).line()).isEqualTo(1));
    }

    @Test
    void leniencyReturnsWhatArrivedBeforeTheCut() {
        String sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" wor";
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.defaults().withLenient(true));
        assembler.feed(sse.getBytes(StandardCharsets.UTF_8));

        Completion c = assembler.finish();
        assertThat(c.message().content()).isEqualTo("Hello");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.problems()).hasSize(1);
    }

    @Test
    void misuseIsRefused() {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assertThatThrownBy(() -> assembler.feed(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("size=4 offset=3 length=2");
        assembler.feed("data: {\"choices\":[]}\n\n".getBytes(StandardCharsets.UTF_8));
        assembler.finish();
        assertThatThrownBy(() -> assembler.feed(new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(assembler::finish).isInstanceOf(IllegalStateException.class);
    }

    /* ---------------------------------------------------------------------------------------
     * Faults inside a chunk: located as assemble locates them
     * ------------------------------------------------------------------------------------- */

    static Stream<byte[]> faultsInsideAChunk() {
        String c1 = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}";
        String c2 = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}";
        byte[] badUtf8 = (c1 + "\n").getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 8] = (byte) 0xFF; // inside the first chunk's content
        return Stream.of(
                (c1 + "\n" + c2.replace("\"c1\"", "\"c\u0001\"") + "\n").getBytes(StandardCharsets.UTF_8), // control char in chunk 2
                (c1 + "\n" + c2.replace("\"lo\"", "\"lo\" \"x\"") + "\n").getBytes(StandardCharsets.UTF_8), // bad JSON in chunk 2
                ("data: " + c1 + "\n\ndata: " + c2.replace("}]}", "]}") + "\n\n").getBytes(StandardCharsets.UTF_8), // SSE, chunk 2
                badUtf8);
    }

    @ParameterizedTest
    @MethodSource("faultsInsideAChunk")
    void aFaultInsideAChunkIsLocatedAsAssembleLocatesIt(byte[] input) {
        AssemblyException whole = org.assertj.core.api.Assertions.catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.assemble(input));
        for (int piece : new int[] {input.length, 1, 7}) {
            AssemblyException incremental = org.assertj.core.api.Assertions.catchThrowableOfType(AssemblyException.class,
                    () -> feedInPieces(input, cutsEvery(input.length, piece), AssemblerOptions.defaults()));
            assertThat(incremental.problem()).as("fed %d bytes at a time", piece).isEqualTo(whole.problem());
        }
        AssemblerOptions lenient = AssemblerOptions.defaults().withLenient(true);
        assertThat(feedInPieces(input, cutsEvery(input.length, 5), lenient)).isEqualTo(ChunkAssembler.assemble(input, lenient));
    }

    private static int[] cutsEvery(int length, int piece) {
        int[] cuts = new int[Math.max(0, (length - 1) / piece)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * piece;
        }
        return cuts;
    }

    @Test
    void aFirstChunkShorterThanFourBytesIsReadNotOverrun() {
        // Jackson sniffs 4 bytes for the encoding when the chunk parser is made; {} is 2 (a fuzz finding)
        for (String input : List.of("[{}d\"p", "[{}]", "{}\n{\"choices\":[]}\n")) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            AssemblyException whole = org.assertj.core.api.Assertions.catchThrowableOfType(AssemblyException.class,
                    () -> ChunkAssembler.assemble(bytes));
            for (int piece : new int[] {bytes.length, 1}) {
                AssemblyException incremental = org.assertj.core.api.Assertions.catchThrowableOfType(AssemblyException.class,
                        () -> feedInPieces(bytes, cutsEvery(bytes.length, piece), AssemblerOptions.defaults()));
                assertThat(incremental.getMessage()).as(input).doesNotStartWith("Internal error");
                assertThat(incremental.kind()).as(input).isEqualTo(whole.kind());
            }
        }
    }
}
