package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.EventFormat;
import java.io.IOException;

/** OpenAI Responses events, told by a {@code response.*} type; written as a {@code response}. */
public final class ResponsesFormat extends EventFormat {

    public ResponsesFormat() {
        super(Format.OPENAI_RESPONSES, type -> type.startsWith("response."));
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
