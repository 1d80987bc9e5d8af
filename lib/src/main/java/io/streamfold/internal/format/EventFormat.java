package io.streamfold.internal.format;

import io.streamfold.Format;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** An event format told by its events' {@code type} (Anthropic, Responses, Cohere): one format each. */
public abstract class EventFormat implements WireFormat {

    private final Format format;
    private final Predicate<String> types;

    /**
     * @param format the format
     * @param types whether a {@code type} value is one of the format's events
     */
    protected EventFormat(Format format, Predicate<String> types) {
        this.format = format;
        this.types = types;
    }

    @Override
    public final List<Format> formats() {
        return List.of(format);
    }

    @Override
    public Set<String> tellingFields() {
        return Set.of("type");
    }

    @Override
    public int tells(String field, String value) {
        return "type".equals(field) && value != null && types.test(value) ? YES : NO;
    }
}
