package io.streamfold.internal.output;

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
        NativeJson.field(g, "id", c.id());
        NativeJson.field(g, "object", c.extra().getOrDefault("object", "response"));
        NativeJson.field(g, "created_at", c.created());
        NativeJson.entries(g, c.extra(), WRITTEN);
        NativeJson.field(g, "model", c.model());
        NativeJson.field(g, "output", c.extra().getOrDefault("output", List.of()));
        NativeJson.field(g, "usage", c.usage() == null ? null : c.usage().details());
        g.writeEndObject();
    }
}
