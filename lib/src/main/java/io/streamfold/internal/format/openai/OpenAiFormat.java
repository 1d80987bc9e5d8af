package io.streamfold.internal.format.openai;

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
 * OpenAI Chat Completions and legacy Completions chunks, told by {@code choices} or by their
 * {@code object}; written as {@code chat.completion} or {@code text_completion}.
 */
public final class OpenAiFormat implements WireFormat {

    @Override
    public List<Format> formats() {
        return List.of(Format.OPENAI_CHAT, Format.OPENAI_COMPLETION);
    }

    @Override
    public Set<String> tellingFields() {
        return Set.of("choices", "object");
    }

    @Override
    public int tells(String field, String value) {
        return "choices".equals(field)
                || ("object".equals(field) && ("chat.completion.chunk".equals(value) || "chat.completion".equals(value)
                        || "text_completion".equals(value)))
                ? YES : NO;
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new OpenAiChunk(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        if (format == Format.OPENAI_COMPLETION) {
            ChatWriter.writeTextCompletion(completion, g);
        } else {
            ChatWriter.writeChatCompletion(completion, g);
        }
    }
}
