package io.streamfold.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The bundled recordings, found through the build's {@code streamfold.recordings} property. */
final class TestRecordings {

    private TestRecordings() {
    }

    static Path root() {
        String configured = System.getProperty("streamfold.recordings");
        Path root = configured != null ? Path.of(configured) : Path.of("../recordings");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No recordings folder at " + root.toAbsolutePath());
        }
        return root.normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Every recording file under the folder, sorted: what the CLI searches a folder for. */
    static List<Path> all(String folder) {
        try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(json|jsonl|ndjson|sse|yaml|yml|har|gz)$"))
                    .filter(p -> !RecordingFiles.isStubBody(p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
