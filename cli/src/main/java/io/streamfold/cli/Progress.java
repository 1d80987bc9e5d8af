package io.streamfold.cli;

import java.io.PrintStream;

/**
 * A progress bar on stderr for long runs: only when stderr is a terminal, only once the run has
 * taken longer than {@link #QUIET_MILLIS}, redrawn at most every {@link #REDRAW_MILLIS}, and
 * erased at the end so that nothing of it stays among the output.
 */
class Progress {

    static final long QUIET_MILLIS = 500;
    static final long REDRAW_MILLIS = 100;
    private static final int BAR = 24;

    private static final Progress NONE = new Progress();

    private Progress() {
    }

    static Progress of(Io io, int total, int width) {
        return total > 1 && io.stderrIsTerminal() ? new Shown(io.err(), total, width) : NONE;
    }

    /** One more recording is done. */
    void next(String name) {
    }

    void done() {
    }

    private static final class Shown extends Progress {
        private final PrintStream stderr;
        private final int total;
        private final int width;
        private final long start = System.nanoTime();
        private long drawn;
        private boolean shown;
        private int count;

        Shown(PrintStream stderr, int total, int width) {
            this.stderr = stderr;
            this.total = total;
            this.width = width;
        }

        @Override
        void next(String name) {
            count++;
            long now = System.nanoTime();
            long elapsed = (now - start) / 1_000_000;
            if (elapsed < QUIET_MILLIS || (shown && (now - drawn) / 1_000_000 < REDRAW_MILLIS && count < total)) {
                return;
            }
            drawn = now;
            shown = true;
            int filled = (int) ((long) BAR * count / total);
            String line = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + count + "/" + total + " ";
            int room = width - 1 - line.length();
            stderr.print("\r\033[K" + line + (room > 3 ? Cells.cutLeft(name, room) : ""));
            stderr.flush();
        }

        @Override
        void done() {
            if (shown) {
                stderr.print("\r\033[K");
                stderr.flush();
            }
        }
    }
}
