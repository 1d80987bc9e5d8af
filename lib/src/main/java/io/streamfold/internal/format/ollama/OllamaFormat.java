package io.streamfold.internal.format.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Ollama's native NDJSON streams, {@code /api/chat} and {@code /api/generate}: one chunk envelope,
 * told by {@code done} and the final chunk's counts; a {@code response} string says generate.
 * Written as the final non-streaming response of the endpoint.
 */
public final class OllamaFormat implements WireFormat {

    /** The final chunk's counts and durations (nanoseconds), kept as the usage. */
    static final Set<String> COUNTS = Set.of("total_duration", "load_duration", "prompt_eval_count",
            "prompt_eval_duration", "eval_count", "eval_duration");

    @Override
    public List<Format> formats() {
        return List.of(Format.OLLAMA_CHAT, Format.OLLAMA_GENERATE);
    }

    @Override
    public Set<String> tellingFields() {
        Set<String> fields = new java.util.HashSet<>(COUNTS);
        fields.addAll(Set.of("done", "done_reason", "response", "created_at"));
        return fields;
    }

    @Override
    public int tells(String field, String value) {
        switch (field) {
            case "done":
            case "done_reason":
                return YES;
            case "response":
                return value != null ? YES : NO; // a Responses event's response is an object
            case "created_at":
                return MAYBE;
            default:
                return COUNTS.contains(field) ? YES : NO;
        }
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new OllamaChunks(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        OllamaWriter.write(completion, format == Format.OLLAMA_GENERATE, g);
    }
}
