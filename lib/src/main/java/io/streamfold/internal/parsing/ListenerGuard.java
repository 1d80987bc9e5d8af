package io.streamfold.internal.parsing;

import io.streamfold.AssemblyListener;
import io.streamfold.Completion;
import io.streamfold.ToolCall;

/**
 * Wraps the user's listener so that what it throws is told apart from streamfold's own faults:
 * it crosses the fold as a {@link ListenerFailure} and reaches the caller as itself.
 */
final class ListenerGuard implements AssemblyListener {

    private final AssemblyListener listener;

    private ListenerGuard(AssemblyListener listener) {
        this.listener = listener;
    }

    /** The guarded listener, or null when there is none (the fold then makes no strings for it). */
    static AssemblyListener of(AssemblyListener listener) {
        return listener == null ? null : new ListenerGuard(listener);
    }

    private static ListenerFailure failure(Throwable e) {
        return new ListenerFailure(e);
    }

    @Override
    public void onTextDelta(int choice, String text) {
        try {
            listener.onTextDelta(choice, text);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onReasoningDelta(int choice, String text) {
        try {
            listener.onReasoningDelta(choice, text);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onRefusalDelta(int choice, String text) {
        try {
            listener.onRefusalDelta(choice, text);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onToolCallStarted(int choice, int index, String id, String name) {
        try {
            listener.onToolCallStarted(choice, index, id, name);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onToolCallArgumentsDelta(int choice, int index, String delta) {
        try {
            listener.onToolCallArgumentsDelta(choice, index, delta);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onToolCallCompleted(int choice, ToolCall call) {
        try {
            listener.onToolCallCompleted(choice, call);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onResponseFinished(int response, Completion completion) {
        try {
            listener.onResponseFinished(response, completion);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }

    @Override
    public void onFinished(Completion completion) {
        try {
            listener.onFinished(completion);
        } catch (RuntimeException | Error e) {
            throw failure(e);
        }
    }
}
