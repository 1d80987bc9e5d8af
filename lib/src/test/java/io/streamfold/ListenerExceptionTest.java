package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** An exception of the user's listener is the user's: it comes out as itself, and the assembler takes no more. */
class ListenerExceptionTest {

    private static final RuntimeException BOOM = new IllegalArgumentException("the recorder's disk is full");

    private static byte[] toolCallRecording() throws IOException {
        return Files.readAllBytes(TestRecordings.path("real/chat-one-tool-call--75ae2f583e3e.json"));
    }

    private static AssemblerOptions throwing(AssemblyListener listener) {
        return AssemblerOptions.defaults().withListener(listener);
    }

    @Test
    void assembleRethrowsTheListenersOwnException() throws IOException {
        AssemblyListener listener = new AssemblyListener() {
            @Override
            public void onToolCallArgumentsDelta(int choice, int index, String delta) {
                throw BOOM;
            }
        };

        assertThatThrownBy(() -> ChunkAssembler.assemble(toolCallRecording(), throwing(listener))).isSameAs(BOOM);
        assertThatThrownBy(() -> ChunkAssembler.assemble(toolCallRecording(), throwing(listener).withLenient(true)))
                .isSameAs(BOOM);
    }

    @Test
    void anErrorOfTheListenerComesOutAsItselfToo() throws IOException {
        AssertionError error = new AssertionError("a test's listener failed");
        AssemblyListener listener = new AssemblyListener() {
            @Override
            public void onToolCallStarted(int choice, int index, String id, String name) {
                throw error;
            }
        };

        assertThatThrownBy(() -> ChunkAssembler.assemble(toolCallRecording(), throwing(listener))).isSameAs(error);
        IncrementalAssembler assembler = ChunkAssembler.incremental(throwing(listener));
        assertThatThrownBy(() -> assembler.feed(toolCallRecording())).isSameAs(error);
    }

    @Test
    void theIncrementalAssemblerRethrowsItAndThenRefusesMoreInput() throws IOException {
        byte[] input = toolCallRecording();
        AssemblyListener listener = new AssemblyListener() {
            @Override
            public void onToolCallStarted(int choice, int index, String id, String name) {
                throw BOOM;
            }
        };
        IncrementalAssembler assembler = ChunkAssembler.incremental(throwing(listener));

        Throwable thrown = null;
        for (int from = 0; from < input.length && thrown == null; from += 64) {
            int at = from;
            thrown = catchThrowable(() -> assembler.feed(input, at, Math.min(64, input.length - at)));
        }

        assertThat(thrown).isSameAs(BOOM);
        assertThatThrownBy(() -> assembler.feed(input, 0, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AssemblyListener threw").hasMessageContaining("the recorder's disk is full")
                .hasCause(BOOM);
        assertThatThrownBy(assembler::finish).isInstanceOf(IllegalStateException.class).hasCause(BOOM);
    }

    @Test
    void aListenerThatThrowsWhenTheStreamEndsIsHeardToo() throws IOException {
        AssemblyListener listener = new AssemblyListener() {
            @Override
            public void onFinished(Completion completion) {
                throw BOOM;
            }
        };

        assertThatThrownBy(() -> ChunkAssembler.assemble(toolCallRecording(), throwing(listener))).isSameAs(BOOM);
        IncrementalAssembler assembler = ChunkAssembler.incremental(throwing(listener));
        assembler.feed(toolCallRecording());
        assertThatThrownBy(assembler::finish).isSameAs(BOOM);
    }

    /**
     * Lenient mode turns a damaged container into a completion carrying its problem; an
     * AssemblyException the listener throws (say, from a nested assemble of its own) is no such
     * fault and comes out as itself, from a container's body and from the end of the stream.
     */
    @Test
    void anAssemblyExceptionOfTheListenerIsNotTakenForADamagedContainer() throws IOException {
        byte[] har = Files.readAllBytes(TestRecordings.path("containers/chat.har"));
        AssemblyException listeners = new AssemblyException(new Problem(Problem.Kind.MALFORMED,
                "the listener's own nested assemble failed", "other.json", 3, 1, 2, 10, null), null);
        AssemblyListener onText = new AssemblyListener() {
            @Override
            public void onTextDelta(int choice, String text) {
                throw listeners;
            }
        };
        AssemblyListener onEnd = new AssemblyListener() {
            @Override
            public void onFinished(Completion completion) {
                throw listeners;
            }
        };

        for (AssemblyListener listener : new AssemblyListener[] {onText, onEnd}) {
            AssemblerOptions lenient = throwing(listener).withLenient(true);
            assertThatThrownBy(() -> ChunkAssembler.assemble(har, lenient)).isSameAs(listeners);
            assertThatThrownBy(() -> ChunkAssembler.assembleAll(har, lenient)).isSameAs(listeners);
            assertThatThrownBy(() -> ChunkAssembler.assemble(new java.io.ByteArrayInputStream(har), lenient))
                    .isSameAs(listeners);
            IncrementalAssembler assembler = ChunkAssembler.incremental(lenient);
            assembler.feed(har);
            assertThatThrownBy(assembler::finish).isSameAs(listeners);
        }
    }
}
