package io.streamfold.internal.writer;

import io.streamfold.Format;

/** What each format's stream looks like on the wire: its endpoint, its event names, its terminator. */
final class Endpoints {

    private Endpoints() {
    }

    /** The HTTP path the provider streams this format from. */
    static String path(Format format, String model) {
        String m = model == null ? "model" : model;
        return switch (format) {
            case OPENAI_CHAT -> "/v1/chat/completions";
            case OPENAI_COMPLETION -> "/v1/completions";
            case OPENAI_RESPONSES -> "/v1/responses";
            case ANTHROPIC_MESSAGES -> "/v1/messages";
            case GEMINI -> "/v1beta/models/" + m + ":streamGenerateContent";
            case GEMINI_INTERACTIONS -> "/v1beta/interactions";
            case COHERE_CHAT -> "/v2/chat";
            case OLLAMA_CHAT -> "/api/chat";
            case OLLAMA_GENERATE -> "/api/generate";
            case BEDROCK_CONVERSE -> "/model/" + m + "/converse-stream";
        };
    }

    /** True when the format's SSE names each event in an {@code event:} line. */
    static boolean namesEvents(Format format) {
        return switch (format) {
            case OPENAI_RESPONSES, ANTHROPIC_MESSAGES, GEMINI_INTERACTIONS, COHERE_CHAT -> true;
            default -> false;
        };
    }

    /** True when the format's SSE ends with {@code data: [DONE]}. */
    static boolean endsWithDone(Format format) {
        return format == Format.OPENAI_CHAT || format == Format.OPENAI_COMPLETION || format == Format.GEMINI_INTERACTIONS;
    }

    /** The OpenAI Python SDK's class a llama-stack recording names in its typed envelopes, or null. */
    static String pythonType(Format format) {
        return switch (format) {
            case OPENAI_CHAT -> "openai.types.chat.chat_completion_chunk.ChatCompletionChunk";
            case OPENAI_COMPLETION -> "openai.types.completion.Completion";
            default -> null;
        };
    }
}
