package io.streamfold.internal.writer;

import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter.Chunking;
import io.streamfold.StreamWriter.Container;
import io.streamfold.StreamWriter.Profile;
import java.util.Set;

/** Behind {@link io.streamfold.StreamWriter}: picks the format's event writer and frames what it writes. */
public final class Writing {

    private Writing() {
    }

    /** The whole stream of the completion in the target format and container. */
    public static byte[] write(Completion completion, Format target, Container container, Chunking chunking,
            Set<Profile> profiles) {
        Out out = new Out(container, target, completion.model());
        Pieces pieces = new Pieces(chunking);
        EventWriter writer = switch (target) {
            case OPENAI_CHAT -> new ChatStream(completion, out, pieces, profiles);
            case OPENAI_COMPLETION -> new CompletionStream(completion, out, pieces);
            case OPENAI_RESPONSES -> new ResponsesStream(completion, out, pieces);
            case ANTHROPIC_MESSAGES -> new AnthropicStream(completion, out, pieces);
            case GEMINI -> new GeminiStream(completion, out, pieces);
            case GEMINI_INTERACTIONS -> new InteractionsStream(completion, out, pieces);
            case COHERE_CHAT -> new CohereStream(completion, out, pieces);
            case OLLAMA_CHAT, OLLAMA_GENERATE -> new OllamaStream(completion, target, out, pieces);
            case BEDROCK_CONVERSE -> new BedrockStream(completion, out, pieces);
        };
        writer.write();
        return out.bytes();
    }
}
