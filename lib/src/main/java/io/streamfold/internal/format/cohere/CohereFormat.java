package io.streamfold.internal.format.cohere;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.EventFormat;
import java.io.IOException;
import java.util.Set;

/** Cohere v2 chat stream events, told by their hyphenated {@code type}; written as a v2 chat response. */
public final class CohereFormat extends EventFormat {

    static final Set<String> EVENTS = Set.of("message-start", "content-start", "content-delta", "content-end",
            "tool-plan-delta", "tool-call-start", "tool-call-delta", "tool-call-end", "citation-start", "citation-end",
            "message-end", "debug");

    public CohereFormat() {
        super(Format.COHERE_CHAT, EVENTS::contains);
    }

    /** A non-streaming chat response has no type, and a top-level {@code finish_reason}. */
    @Override
    public Set<String> tellingFields() {
        return Set.of("type", "finish_reason");
    }

    @Override
    public int tells(String field, String value) {
        return "finish_reason".equals(field) && value != null ? YES : super.tells(field, value);
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new CohereEvents(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        CohereWriter.write(completion, g);
    }
}
