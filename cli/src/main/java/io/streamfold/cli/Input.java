package io.streamfold.cli;

import java.nio.file.Path;

/**
 * One recording to fold: a file, or standard input read whole (the PATH {@code -}).
 *
 * @param name how reports name it: the path as given or as found under a folder, or {@code -}
 * @param label the short name the table shows: the path relative to the folder it was found in, else the name
 * @param file the file, or null for standard input
 * @param bytes standard input's bytes, or null for a file
 */
record Input(String name, String label, Path file, byte[] bytes) {

    static final String STDIN = "-";

    static Input file(Path file) {
        return new Input(file.toString(), file.toString(), file, null);
    }

    /** A file found under a folder given as a PATH. */
    static Input found(Path folder, Path file) {
        return new Input(file.toString(), folder.relativize(file).toString(), file, null);
    }

    static Input stdin(byte[] bytes) {
        return new Input(STDIN, STDIN, null, bytes);
    }
}
