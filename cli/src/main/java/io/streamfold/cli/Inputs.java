package io.streamfold.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recordings the PATHs name, in order: {@code -} for standard input, files, and folders' recordings. */
final class Inputs {

    private Inputs() {
    }

    static List<Input> of(List<String> paths, InputStream stdin) throws IOException {
        List<Input> inputs = new ArrayList<>();
        boolean stdinRead = false;
        for (String given : paths) {
            if (given.equals(Input.STDIN)) {
                if (stdinRead) {
                    throw new IOException("- (standard input) is given twice: it can be read only once");
                }
                inputs.add(Input.stdin(stdin.readAllBytes()));
                stdinRead = true;
            } else if (Files.isDirectory(Path.of(given))) {
                for (Path file : RecordingFiles.find(List.of(given))) {
                    inputs.add(Input.found(Path.of(given), file));
                }
            } else {
                inputs.add(Input.file(Path.of(given)));
            }
        }
        return inputs;
    }

    /** True when the PATHs name exactly one file (or stdin), not a folder: its response is printed whole. */
    static boolean single(List<String> paths, List<Input> inputs) {
        return inputs.size() == 1 && paths.size() == 1 && !Files.isDirectory(Path.of(paths.get(0)));
    }
}
