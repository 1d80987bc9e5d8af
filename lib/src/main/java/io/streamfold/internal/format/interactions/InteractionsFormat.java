package io.streamfold.internal.format.interactions;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Gemini Interactions events, told by their {@code event_type}; written as an interaction. */
public final class InteractionsFormat implements WireFormat {

    @Override
    public List<Format> formats() {
        return List.of(Format.GEMINI_INTERACTIONS);
    }

    @Override
    public Set<String> tellingFields() {
        return Set.of("event_type");
    }

    @Override
    public int tells(String field, String value) {
        // Cohere's v1 chat stream has an event_type too (stream-start, text-generation): not this format.
        return "event_type".equals(field) && value != null && (value.startsWith("interaction.")
                || value.startsWith("content.") || value.startsWith("step.") || value.equals("error")) ? YES : NO;
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new InteractionsEvents(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        InteractionsWriter.write(completion, g);
    }
}
