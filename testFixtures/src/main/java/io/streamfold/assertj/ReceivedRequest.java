package io.streamfold.assertj;

import java.util.List;
import java.util.Map;

/**
 * A request a {@link StreamReplayServer} received, for assertions.
 *
 * @param method the HTTP method ({@code POST})
 * @param path the request path, without the query ({@code /v1/chat/completions})
 * @param query the raw query, or null when there was none ({@code alt=sse})
 * @param headers the headers, names in lower case, immutable
 * @param body the body, read as UTF-8; empty when there was none
 */
public record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    /**
     * Makes the headers an immutable copy.
     *
     * @param method the HTTP method ({@code POST})
     * @param path the request path, without the query
     * @param query the raw query, or null when there was none
     * @param headers the headers, names in lower case
     * @param body the body, read as UTF-8; empty when there was none
     */
    public ReceivedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * The first value of a header, or null.
     *
     * @param name the header's name, in any case
     * @return its first value, or null when the request did not send it
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
