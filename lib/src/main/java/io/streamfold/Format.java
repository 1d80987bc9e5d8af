package io.streamfold;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A wire format streamfold folds. {@link #wireName()} is the name used in
 * {@link Completion#format()}, in the CLI's output and in {@code --format}.
 */
public enum Format {
    /** OpenAI Chat Completions chunks ({@code chat.completion.chunk}). */
    OPENAI_CHAT("openai.chat"),
    /** OpenAI legacy Completions chunks ({@code text_completion}). */
    OPENAI_COMPLETION("openai.completion"),
    /** OpenAI Responses API events ({@code response.*}). */
    OPENAI_RESPONSES("openai.responses"),
    /** Anthropic Messages API events ({@code message_start} ... {@code message_stop}). */
    ANTHROPIC_MESSAGES("anthropic.messages"),
    /** Gemini {@code streamGenerateContent} chunks, snake_case or camelCase. */
    GEMINI("gemini"),
    /** Gemini Interactions API events ({@code interaction.*}, {@code content.*}). */
    GEMINI_INTERACTIONS("gemini.interactions"),
    /** Cohere v2 chat stream events ({@code message-start} ... {@code message-end}). */
    COHERE_CHAT("cohere.chat"),
    /** Ollama's native {@code /api/chat} NDJSON stream ({@code message}, {@code done}). */
    OLLAMA_CHAT("ollama.chat"),
    /** Ollama's native {@code /api/generate} NDJSON stream ({@code response}, {@code done}). */
    OLLAMA_GENERATE("ollama.generate"),
    /** Amazon Bedrock ConverseStream events ({@code messageStart} ... {@code metadata}), decoded. */
    BEDROCK_CONVERSE("bedrock.converse");

    private final String wireName;

    Format(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the format's name, such as {@code openai.chat}} */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the format with the given wire name ({@code openai.chat}) or constant name
     * ({@code OPENAI_CHAT}), ignoring case.
     *
     * @param name a wire name or constant name
     * @return the format
     * @throws IllegalArgumentException naming the known formats when there is none
     */
    public static Format of(String name) {
        for (Format format : values()) {
            if (format.wireName.equalsIgnoreCase(name) || format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown format '" + name + "': expected one of "
                + Arrays.stream(values()).map(Format::wireName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
