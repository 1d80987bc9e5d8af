package io.streamfold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the files a PATH names: the file itself, or a folder's recordings, recursively, in name
 * order: WireMock {@code mappings/} are read, the {@code __files/} beside them through their stubs.
 */
final class RecordingFiles {

    /** Recordings, and the files HTTP recorders write: VCR cassettes, HAR archives, gzipped ones. */
    private static final List<String> EXTENSIONS = List.of(".json", ".jsonl", ".ndjson", ".sse", ".yaml", ".yml",
            ".har", ".gz");

    private RecordingFiles() {
    }

    /** The input files for the paths, in order; a path that does not exist is listed as is, to fail when read. */
    static List<Path> find(List<String> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String given : paths) {
            Path path = Path.of(given);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(RecordingFiles::isRecording)
                            .filter(file -> !isStubBody(file)).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /**
     * A body file of WireMock stubs ({@code __files/} beside {@code mappings/}): read through the
     * stub that names it, not on its own.
     */
    static boolean isStubBody(Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("__files")) {
                Path root = dir.getParent();
                return root != null && Files.isDirectory(root.resolve("mappings"));
            }
        }
        return false;
    }

    static boolean isRecording(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
