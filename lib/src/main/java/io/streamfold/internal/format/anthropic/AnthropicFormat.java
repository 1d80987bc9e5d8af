package io.streamfold.internal.format.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.EventFormat;
import java.io.IOException;
import java.util.Set;

/**
 * Anthropic Messages events, told by their {@code type}, and a whole non-streaming
 * {@code message} (type {@code message}); written as a {@code message}.
 */
public final class AnthropicFormat extends EventFormat {

    private static final Set<String> EVENTS = Set.of("message_start", "content_block_start", "content_block_delta",
            "content_block_stop", "message_delta", "message_stop", "ping", "message");

    public AnthropicFormat() {
        super(Format.ANTHROPIC_MESSAGES, EVENTS::contains);
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new AnthropicEvents(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        AnthropicWriter.write(completion, g);
    }
}
