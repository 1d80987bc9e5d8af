package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.IncrementalAssembler;

/** Feeds a recording to the incremental assembler in small pieces, to compare with {@code assemble}. */
final class Fed {

    private Fed() {
    }

    /** Folds the bytes fed {@code size} bytes at a time. */
    static Completion inPieces(byte[] bytes, int size, AssemblerOptions options) {
        IncrementalAssembler assembler = ChunkAssembler.incremental(options);
        for (int at = 0; at < bytes.length; at += size) {
            assembler.feed(bytes, at, Math.min(size, bytes.length - at));
        }
        return assembler.finish();
    }

    /** Asserts that feeding the bytes in pieces of 1, 3 and 17 bytes gives what {@code assemble} gives. */
    static Completion sameInPieces(byte[] bytes) {
        Completion whole = ChunkAssembler.assemble(bytes);
        for (int size : new int[] {1, 3, 17}) {
            assertThat(inPieces(bytes, size, AssemblerOptions.defaults())).as("fed %d bytes at a time", size).isEqualTo(whole);
        }
        return whole;
    }

    /**
     * The provider's own finish reason of choice 0, as sent. The one place the new formats' tests
     * read a finish reason (the public model's finish reason is changing).
     */
    static String rawFinish(Completion c) {
        return c.choices().get(0).rawFinishReason();
    }
}
