package io.streamfold;

/**
 * Where a {@link Completion} came from: the file, the kind of container that held the response,
 * the position of its interaction, entry or stub in that container, and the HTTP request that
 * asked for it. Each part is null where the input did not tell it.
 *
 * <pre>{@code
 * for (Completion c : completions) {
 *     Source s = c.source();   // VCR, entry 2, POST https://api.openai.com/v1/chat/completions
 * }
 * }</pre>
 *
 * @param file the file name, or the {@link AssemblerOptions#source() source} name the options gave,
 *     or null
 * @param container the kind of container the response was read from; null when unknown
 * @param entry the 0-based position of the interaction, HAR entry or stub in its container's list, or
 *     null for a file that holds no list of entries (a bare stream, a llama-stack recording, a
 *     WireMock file of one stub)
 * @param method the request's HTTP method ({@code POST}), or null
 * @param url the request's URL as recorded (possibly redacted or relative), or null
 * @param testId the llama-stack recording's {@code test_id}, or null
 */
public record Source(String file, Container container, Integer entry, String method, String url, String testId) {

    /** The kinds of file a response is read from; docs/FORMATS.md describes each. */
    public enum Container {
        /** A bare stream or response: SSE text, JSON Lines, an array of chunks, one JSON object, binary frames. */
        STREAM,
        /** A llama-stack recording ({@code request}, {@code response.body}, {@code test_id}). */
        LLAMA_STACK,
        /** A vcrpy or pytest-recording cassette ({@code interactions[]}), in YAML or JSON. */
        VCR,
        /** A Ruby VCR cassette ({@code http_interactions[]}), in YAML or JSON. */
        RUBY_VCR,
        /** An HTTP Archive (HAR 1.2, {@code log.entries[]}). */
        HAR,
        /** WireMock stub mappings: one stub, or {@code {"mappings": [...]}}. */
        WIREMOCK,
        /** A python-genai replay file ({@code interactions[].response.body_segments}). */
        GENAI_REPLAY
    }
}
