package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** OpenAI Responses events, told by a {@code response.*} type; written as a {@code response}. */
public final class ResponsesFormat implements WireFormat {

    @Override
    public List<Format> formats() {
        return List.of(Format.OPENAI_RESPONSES);
    }

    @Override
    public Set<String> tellingFields() {
        return Set.of("type");
    }

    @Override
    public int tells(String field, String value) {
        return "type".equals(field) && value != null && value.startsWith("response.") ? YES : NO;
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
