package io.streamfold.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line progress report on stderr, only when stderr is a terminal. */
class Progress {

    private static final Progress NONE = new Progress();

    private Progress() {
    }

    static Progress onTerminal(PrintStream stderr, int total) {
        return total > 1 && stderrIsTerminal() ? new Shown(stderr, total) : NONE;
    }

    void next(Path file) {
    }

    void done() {
    }

    // Java 17 cannot ask whether stderr is a terminal; on Linux its file descriptor says.
    private static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            return false;
        }
        return System.console() != null;
    }

    private static final class Shown extends Progress {
        private final PrintStream stderr;
        private final int total;
        private int count;

        Shown(PrintStream stderr, int total) {
            this.stderr = stderr;
            this.total = total;
        }

        @Override
        void next(Path file) {
            count++;
            String name = file.toString();
            if (name.length() > 60) {
                name = "..." + name.substring(name.length() - 57);
            }
            stderr.print("\r\033[K[" + count + "/" + total + "] " + name);
            stderr.flush();
        }

        @Override
        void done() {
            stderr.print("\r\033[K");
            stderr.flush();
        }
    }
}
