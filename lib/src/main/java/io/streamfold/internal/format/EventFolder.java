package io.streamfold.internal.format;

import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.Diagnostics;
import java.io.IOException;

/**
 * The folder of an event format: each event's fields are read into one reused {@link EventFields}
 * and the event is folded when it ends, by its type. An event without a type is the provider's
 * error when it has an {@code error}, else nothing of the format.
 *
 * @param <E> the format's event
 */
public abstract class EventFolder<E extends EventFields> implements ChunkFolder {

    protected final Assembly assembly;
    protected final Diagnostics diag;
    private final E event;

    protected EventFolder(Assembly assembly, E event) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        this.event = event;
    }

    @Override
    public final void beginChunk() {
        event.reset();
    }

    @Override
    public final boolean field(JsonParser p, String name) throws IOException {
        return event.read(p, name, diag);
    }

    @Override
    public final boolean foldsAtEnd() {
        return true; // fields go to the reused event only; all folding is in endChunk
    }

    @Override
    public final boolean endChunk() {
        if (event.type == null) {
            return foldUntyped(event);
        }
        String end = endOfResponseStartedBy(event.type);
        if (end != null) {
            assembly.responses().start(event.type, end); // a recording may hold several responses
        }
        fold(event);
        return true;
    }

    /**
     * The event that ends a response, when events of this type start one ({@code message_start}
     * is ended by {@code message_stop}); else null. A start after a folded response begins the next.
     */
    protected String endOfResponseStartedBy(String type) {
        return null;
    }

    /** An event without a type: by default the provider's error when it has one, else nothing of the format. */
    protected boolean foldUntyped(E event) {
        return event.foldUntyped(assembly);
    }

    /** Folds one event, which has a type. An unknown type should be checked with {@link #unknown}. */
    protected abstract void fold(E event);

    /** An event of a type the format does not know: another format's is an error, any other a warning. */
    protected final void unknown(E event) {
        WireFormats.checkNotForeign(assembly, "type", event.type);
        diag.warn("unknown-event:" + event.type, "unknown-event", "an event of unknown type '" + event.type + "' was skipped");
    }
}
