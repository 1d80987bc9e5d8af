package io.streamfold.internal.parsing;

/** Signals valid input that holds no stream; the driver turns it into a located NOT_A_STREAM problem. */
public final class NotAStreamException extends RuntimeException {

    public NotAStreamException(String reason) {
        super(reason, null, false, false);
    }
}
