package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.Map;

/**
 * What OpenAI's two chunk streams (Chat Completions and the legacy completions) share: every
 * chunk is the header, a {@code choices} array, then any fields after it; both end with a usage
 * chunk whose {@code choices} is empty.
 */
abstract class OpenAiChunkStream extends EventWriter {

    private final String object;

    OpenAiChunkStream(Completion completion, Format target, Out out, Pieces pieces, String object) {
        super(completion, target, out, pieces);
        this.object = object;
    }

    /** Writes the chunk's header fields; {@code object} names the kind of chunk. */
    void header(JsonGenerator g) throws IOException {
        field(g, "id", completion.id());
        g.writeStringField("object", object);
        field(g, "created", completion.created());
        field(g, "model", completion.model());
        field(g, "system_fingerprint", completion.systemFingerprint());
    }

    /** Adds a chunk with one choice: its index, then the fields the body writes; the usage after the choices, when not null. */
    final void choiceChunk(int index, Out.Json choice, Map<String, Object> usage) {
        out.event(null, g -> {
            g.writeStartObject();
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", index);
            choice.write(g);
            g.writeEndObject();
            g.writeEndArray();
            field(g, "usage", usage);
            g.writeEndObject();
        });
    }

    /** Adds a chunk with {@code choices: []} and, after it, the fields the body writes. */
    final void choicelessChunk(Out.Json fields) {
        out.event(null, g -> {
            g.writeStartObject();
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            fields.write(g);
            g.writeEndObject();
        });
    }

    /** Adds the chunk that carries the usage alone. */
    final void usageChunk(Map<String, Object> usage) {
        choicelessChunk(g -> JsonValues.writeField(g, "usage", usage));
    }
}
