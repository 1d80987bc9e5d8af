package io.streamfold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The bundled recordings, found through the build's {@code streamfold.recordings} property. */
public final class TestRecordings {

    private TestRecordings() {
    }

    public static Path root() {
        String configured = System.getProperty("streamfold.recordings");
        Path root = configured != null ? Path.of(configured) : Path.of("../recordings");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No recordings folder at " + root.toAbsolutePath());
        }
        return root.normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static Completion assemble(String relative) {
        return ChunkAssembler.assemble(path(relative));
    }

    /** Every recording file under the folder, sorted. */
    public static List<Path> all(String folder) {
        try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(json|jsonl|ndjson|sse)$"))
                    // HTTP recorders' files (cassettes, HAR, stubs) have their own tests: no stream is read bit by bit there
                    .filter(p -> !root().relativize(p.normalize()).startsWith("containers"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
