package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Taking a snapshot changes no state: a fold watched at every piece ends as one never watched. */
class SnapshotTest {

    static Stream<Path> recordings() {
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("seeds", "real", "synthetic")) {
            all.addAll(TestRecordings.all(folder));
        }
        return all.stream().filter(p -> !p.toString().endsWith(".md"));
    }

    private static Completion fold(byte[] bytes, boolean watched) {
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.defaults().withLenient(true));
        for (int at = 0; at < bytes.length; at += 97) {
            assembler.feed(bytes, at, Math.min(97, bytes.length - at));
            if (watched) {
                Completion first = assembler.snapshot();
                assertThat(assembler.snapshot()).as("a second snapshot at byte %d", at).isEqualTo(first);
            }
        }
        return assembler.finish();
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void snapshotsAtEveryPieceChangeNothing(Path recording) throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        assertThat(fold(bytes, true)).isEqualTo(fold(bytes, false));
    }
}
