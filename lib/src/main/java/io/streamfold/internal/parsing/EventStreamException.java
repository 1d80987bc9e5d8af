package io.streamfold.internal.parsing;

import java.io.IOException;

/** A damaged {@code application/vnd.amazon.eventstream} input, located at a byte offset and a message number. */
public final class EventStreamException extends IOException {

    private final long offset;
    private final int message;

    EventStreamException(String what, long offset, int message) {
        super(what + " at byte " + offset + " (event stream message " + message + ")");
        this.offset = offset;
        this.message = message;
    }

    /** The byte offset, in the whole input, where the damaged message starts. */
    public long offset() {
        return offset;
    }

    /** The message's number, from 1. */
    public int message() {
        return message;
    }
}
