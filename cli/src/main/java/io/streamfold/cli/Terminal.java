package io.streamfold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Whether a standard stream is a terminal, and how wide the terminal is. */
final class Terminal {

    /** The width when neither {@code COLUMNS} nor the terminal tells. */
    static final int DEFAULT_WIDTH = 100;
    /** Narrower than this, no table can show its columns: it is laid out at this width anyway. */
    static final int MIN_WIDTH = 40;

    private Terminal() {
    }

    // Java 17 cannot ask whether a stream is a terminal; on Linux its file descriptor says.
    static boolean isTerminal(int fd) {
        try {
            Path link = Path.of("/proc/self/fd/" + fd);
            if (Files.exists(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return System.console() != null;
    }

    /**
     * The width to lay the table out in: {@code COLUMNS} when it is set to a number, else the
     * terminal's own width when stdout is one, else {@link #DEFAULT_WIDTH}.
     */
    static int width(Io io) {
        String columns = io.env().get("COLUMNS");
        if (columns != null) {
            try {
                return Math.max(MIN_WIDTH, Integer.parseInt(columns.strip()));
            } catch (NumberFormatException e) {
                // not a number: ask the terminal
            }
        }
        if (io.stdoutIsTerminal()) {
            int asked = sttyWidth();
            if (asked > 0) {
                return Math.max(MIN_WIDTH, asked);
            }
        }
        return DEFAULT_WIDTH;
    }

    // Shells do not export COLUMNS; stty reads the size of the terminal it is given as input.
    private static int sttyWidth() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            String[] rowsAndColumns = answer.split("\\s+");
            return rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
