package io.streamfold.internal.parsing;

/**
 * A listener's exception on its way out, past the error policies of the pipeline and of the
 * container layer (which turns streamfold's own faults into completions in lenient mode): the
 * public entry points {@link #unwrap} it, so the caller gets the listener's exception as itself.
 */
public final class ListenerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ListenerFailure(Throwable cause) {
        super(null, cause, false, false);
    }

    /** The listener's own exception, to throw as it is (an {@link Error} is thrown from here). */
    public RuntimeException unwrap() {
        if (getCause() instanceof Error e) {
            throw e;
        }
        return (RuntimeException) getCause();
    }
}
