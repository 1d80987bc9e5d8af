package io.streamfold.cli;

import io.streamfold.Completion;

/** Which recordings and responses {@code --only} keeps in the output; the summary and exit status count them all. */
enum Only {
    /** Everything (no {@code --only}). */
    ALL,
    /** Recordings that could not be read or folded. */
    FAILED,
    /** Responses that are not whole: cut off, a provider error, faults passed over; and failed recordings. */
    INCOMPLETE,
    /** Responses with warnings. */
    WARNINGS;

    /** Whether a recording without responses (failed or skipped) is shown. */
    boolean shows(Outcome outcome) {
        return this == ALL || (outcome.failed() && (this == FAILED || this == INCOMPLETE));
    }

    boolean shows(Completion c) {
        return switch (this) {
            case ALL -> true;
            case FAILED -> false;
            case INCOMPLETE -> Outcome.incomplete(c);
            case WARNINGS -> !c.warnings().isEmpty();
        };
    }
}
