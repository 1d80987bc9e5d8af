package io.streamfold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the files a PATH names: the file itself, or a folder's recordings, recursively, in name order. */
final class RecordingFiles {

    private static final List<String> EXTENSIONS = List.of(".json", ".jsonl", ".ndjson", ".sse");

    private RecordingFiles() {
    }

    /** The input files for the paths, in order; a path that does not exist is listed as is, to fail when read. */
    static List<Path> find(List<String> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String given : paths) {
            Path path = Path.of(given);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(RecordingFiles::isRecording).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
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
