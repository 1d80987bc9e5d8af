package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.EventFormat;
import java.io.IOException;
import java.util.Set;

/**
 * OpenAI Responses events, told by a {@code response.*} type, and a whole non-streaming
 * {@code response} ({@code "object": "response"}); written as a {@code response}.
 */
public final class ResponsesFormat extends EventFormat {

    public ResponsesFormat() {
        super(Format.OPENAI_RESPONSES, type -> type.startsWith("response."));
    }

    /** A non-streaming body says {@code "object": "response"}. */
    @Override
    public Set<String> tellingFields() {
        return Set.of("type", "object");
    }

    @Override
    public int tells(String field, String value) {
        return "object".equals(field) && "response".equals(value) ? YES : super.tells(field, value);
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new ResponsesEvents(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        ResponsesWriter.write(completion, g);
    }
}
