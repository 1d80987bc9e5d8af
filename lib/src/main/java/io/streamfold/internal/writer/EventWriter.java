package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;

/** One format's event writer: it turns a completion into that format's events, in order. */
abstract class EventWriter {

    final Completion completion;
    final Format target;
    final Out out;
    final Pieces pieces;

    EventWriter(Completion completion, Format target, Out out, Pieces pieces) {
        this.completion = completion;
        this.target = target;
        this.out = out;
        this.pieces = pieces;
    }

    /** Writes every event of the stream into {@link #out}. */
    abstract void write();

    /** True when the completion is in the target format, so its native values apply. */
    final boolean same() {
        return Targets.same(completion, target);
    }

    /** The choice a format that streams one writes: the first, or null when there is none. */
    final Choice firstChoice() {
        return completion.choices().isEmpty() ? null : completion.choices().get(0);
    }

    /** The role to write for the choice's message: its own, or {@code assistant} when it has none or there is no choice. */
    static String role(Choice choice) {
        return choice == null || choice.message().role() == null ? "assistant" : choice.message().role();
    }

    /** Writes a string field when the value is not null. */
    static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Writes a plain value's field when it is not null. */
    static void field(JsonGenerator g, String name, Object value) throws IOException {
        if (value != null) {
            JsonValues.writeField(g, name, value);
        }
    }
}
