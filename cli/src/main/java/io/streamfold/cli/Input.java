package io.streamfold.cli;

import java.nio.file.Path;

/**
 * One recording to fold: a file, or standard input read whole (the PATH {@code -}).
 *
 * @param name how reports name it: the path as given or as found under a folder, or {@code -}
 * @param file the file, or null for standard input
 * @param bytes standard input's bytes, or null for a file
 */
record Input(String name, Path file, byte[] bytes) {

    static final String STDIN = "-";

    static Input file(Path file) {
        return new Input(file.toString(), file, null);
    }

    static Input stdin(byte[] bytes) {
        return new Input(STDIN, null, bytes);
    }
}
