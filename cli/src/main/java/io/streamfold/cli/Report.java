package io.streamfold.cli;

import java.io.IOException;
import java.io.Writer;

/** One way of writing what became of the recordings; it is handed every outcome in input order. */
interface Report {

    /** One more recording, in input order. */
    void add(Outcome outcome) throws IOException;

    /** Writes what only the end can tell (the table, its summary). */
    default void finish(Writer out) throws IOException {
    }

    /** {@return the exit status: see {@link Tally#status()}} */
    int status();
}
