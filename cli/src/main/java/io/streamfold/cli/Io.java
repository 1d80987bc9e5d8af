package io.streamfold.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the tool reads and writes besides its arguments: standard input, output and error, and
 * the environment ({@code COLUMNS}); whether stdout and stderr are terminals. Tests give their own.
 *
 * @param in standard input, read for the PATH {@code -}
 * @param out standard output
 * @param err standard error
 * @param env the environment variables
 * @param stdoutIsTerminal whether stdout is a terminal (the table then fits its width)
 * @param stderrIsTerminal whether stderr is a terminal (a progress bar is then shown on long runs)
 */
record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean stdoutIsTerminal,
        boolean stderrIsTerminal) {

    static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), Terminal.isTerminal(1), Terminal.isTerminal(2));
    }

    /** No input, no terminal, an empty environment: what tests start from. */
    static Io of(PrintStream out, PrintStream err) {
        return new Io(new ByteArrayInputStream(new byte[0]), out, err, Map.of(), false, false);
    }
}
