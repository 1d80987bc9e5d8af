package io.streamfold.internal.format.responses;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A Responses {@code response}: the final response when the stream had one (it is
 * authoritative), else what the deltas built on the last snapshot the stream sent.
 */
final class ResponsesWriter {

    private static final Set<String> WRITTEN = Set.of("object", "created_at", "output");

    private ResponsesWriter() {
    }

    static void write(Completion c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonValues.writeField(g, "id", c.id());
        JsonValues.writeField(g, "object", c.extra().getOrDefault("object", "response"));
        JsonValues.writeField(g, "created_at", c.created());
        JsonValues.writeEntries(g, c.extra(), WRITTEN);
        JsonValues.writeField(g, "model", c.model());
        JsonValues.writeField(g, "output", c.extra().getOrDefault("output", List.of()));
        JsonValues.writeField(g, "usage", c.usage() == null ? null : c.usage().details());
        g.writeEndObject();
    }
}
