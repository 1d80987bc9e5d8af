package io.streamfold.internal.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tells from the first bytes of an input whether it is a container of HTTP exchanges (and so
 * read whole here) or a recording the pipeline streams: gzip's magic number, a YAML cassette's
 * first key, a JSON root whose first keys are a container's. Only the head is looked at, so a
 * plain recording of any size costs a few microseconds more, and a llama-stack recording's
 * {@code test_id} and request are picked up on the way.
 */
final class Sniffer {

    /** What the head showed. */
    enum Kind {
        /** Not a container: the pipeline reads it. */
        PLAIN,
        /** gzip around something. */
        GZIP,
        /** A YAML document whose first key is a cassette's. */
        YAML,
        /** A JSON container (cassette, HAR, WireMock, replay file): read whole. */
        JSON
    }

    /** What the head showed, and what a llama-stack recording said of itself there. */
    record Sniff(Kind kind, boolean llamaStack, String testId, String method, String url) {
        static final Sniff PLAIN = new Sniff(Kind.PLAIN, false, null, null, null);
    }

    /** Root keys that make a JSON object a container at once. */
    private static final Set<String> CONTAINER_KEYS = Set.of("interactions", "http_interactions", "log", "mappings",
            "replay_id");
    /** Root keys of a WireMock stub beside request and response. */
    private static final Set<String> STUB_KEYS = Set.of("id", "uuid", "name", "priority", "persistent", "scenarioName",
            "requiredScenarioState", "newScenarioState", "metadata", "insertionIndex", "postServeActions",
            "serveEventListeners");
    /** Request keys only a WireMock matcher has (a llama-stack request has url, method, body, endpoint, model). */
    private static final Set<String> MATCHER_KEYS = Set.of("urlPath", "urlPattern", "urlPathPattern", "urlPathTemplate",
            "bodyPatterns", "queryParameters", "pathParameters", "cookies", "basicAuthCredentials", "formParameters",
            "multipartPatterns", "host", "port", "scheme", "customMatcher");
    private static final Set<String> LLAMA_REQUEST_KEYS = Set.of("body", "endpoint", "model", "provider_metadata");
    /** Response keys only a WireMock stub has. */
    private static final Set<String> STUB_RESPONSE_KEYS = Set.of("jsonBody", "base64Body", "bodyFileName",
            "fixedDelayMilliseconds", "delayDistribution", "chunkedDribbleDelay", "fault", "transformers",
            "transformerParameters", "proxyBaseUrl", "statusMessage");

    private static final JsonFactory JSON = new JsonFactory();

    private Sniffer() {
    }

    /** What the whole head (or the whole input, if shorter) shows. */
    static Sniff sniff(byte[] head, int n) {
        return sniff(head, n, true);
    }

    /**
     * What the first {@code n} bytes show, or null while more could change it and more may come
     * ({@code complete} false): a stream read live is not held back until 8 KB have arrived.
     */
    static Sniff sniff(byte[] head, int n, boolean complete) {
        if (n < 2 && !complete) {
            return null;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return new Sniff(Kind.GZIP, false, null, null, null);
        }
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= n) {
            return complete ? Sniff.PLAIN : null;
        }
        if (head[i] == '{') {
            return json(head, i, n, complete);
        }
        if (head[i] == '[' || head[i] == '<' || head[i] == 0 || head[i] == ':') {
            return Sniff.PLAIN;
        }
        // "data: ..." or "interactions:": the first line that is no YAML comment or marker tells
        int end = complete ? n : lastLineEnd(head, i, n);
        Boolean yaml = end < 0 ? null : yamlCassette(head, i, end);
        if (yaml == null) {
            return complete ? Sniff.PLAIN : null;
        }
        return yaml ? new Sniff(Kind.YAML, false, null, null, null) : Sniff.PLAIN;
    }

    /** Where the last whole line of the bytes ends (past its line feed), or -1 when there is none. */
    private static int lastLineEnd(byte[] head, int from, int n) {
        for (int k = n - 1; k >= from; k--) {
            if (head[k] == '\n') {
                return k + 1;
            }
        }
        return -1;
    }

    /** How many lines a cassette's markers and comments may take before its first key. */
    private static final int MARKER_LINES = 64;

    /**
     * A YAML cassette: past a {@code ---}, {@code %} directives and comments, its first key at the
     * start of a line is {@code interactions} (vcrpy writes its keys sorted: then {@code version})
     * or {@code http_interactions} (Ruby VCR). Null when the lines hold only such markers.
     */
    static Boolean yamlCassette(byte[] head, int from, int end) {
        int start = from;
        for (int lines = 1; start < end || lines == 1; lines++) {
            int eol = start;
            while (lines < MARKER_LINES && eol < end && head[eol] != '\n') {
                eol++;
            }
            int stop = lines < MARKER_LINES ? eol : end; // the last line looked at runs to the end, as split's last piece
            if (stop > start && head[stop - 1] == '\r' && stop == eol) {
                stop--;
            }
            // A line at a time: the head (8 KB) is not decoded whole and split for its first line.
            String l = new String(head, start, stop - start, StandardCharsets.UTF_8).stripTrailing();
            if (!(l.isEmpty() || l.startsWith("#") || l.equals("---") || l.startsWith("%"))) {
                return l.startsWith("interactions:") || l.startsWith("http_interactions:")
                        || l.startsWith("--- ") && l.contains("interactions:");
            }
            if (stop == end) {
                break;
            }
            start = eol + 1;
        }
        return null;
    }

    /** Reads the root object's first keys, as far as the head goes. */
    private static Sniff json(byte[] head, int from, int n, boolean complete) {
        String testId = null;
        String method = null;
        String url = null;
        boolean llama = false;
        try (JsonParser p = JSON.createParser(head, from, n - from)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (CONTAINER_KEYS.contains(key)) {
                    return new Sniff(Kind.JSON, false, null, null, null);
                }
                if (key.equals("test_id")) {
                    llama = true;
                    testId = v == JsonToken.VALUE_STRING ? p.getText() : null;
                } else if (key.equals("request") && v == JsonToken.START_OBJECT) {
                    RequestSeen r = request(p);
                    method = r.method;
                    url = r.url;
                    if (r.matcher && !llama) {
                        return new Sniff(Kind.JSON, false, null, null, null);
                    }
                    llama |= r.llama;
                } else if (key.equals("response") && v == JsonToken.START_OBJECT) {
                    if (!llama && isStubResponse(p)) {
                        return new Sniff(Kind.JSON, false, null, null, null);
                    }
                    break; // the response is the pipeline's: no need to read on
                } else if (!STUB_KEYS.contains(key) && !llama) {
                    return Sniff.PLAIN; // a chunk, a response object: the pipeline's
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            if (!complete) {
                return null; // the bytes so far ended inside a value: wait for more
            }
            // the head ended inside a value: what was seen so far decides
        }
        return llama || method != null ? new Sniff(Kind.PLAIN, true, testId, method, url) : Sniff.PLAIN;
    }

    private static final class RequestSeen {
        String method;
        String url;
        boolean matcher;
        boolean llama;
    }

    private static RequestSeen request(JsonParser p) throws IOException {
        RequestSeen r = new RequestSeen();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("method") && v == JsonToken.VALUE_STRING) {
                r.method = p.getText();
            } else if (key.equals("url") && v == JsonToken.VALUE_STRING) {
                r.url = p.getText();
            } else {
                r.matcher |= MATCHER_KEYS.contains(key);
                r.llama |= LLAMA_REQUEST_KEYS.contains(key);
                p.skipChildren();
            }
        }
        return r;
    }

    /** A response with a stub's keys, or whose body is a string (a llama-stack body is a list or an object). */
    private static boolean isStubResponse(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (STUB_RESPONSE_KEYS.contains(key) || key.equals("body") && v == JsonToken.VALUE_STRING) {
                return true;
            }
            if (key.equals("is_streaming") || key.equals("body")) {
                return false;
            }
            p.skipChildren();
        }
        return false;
    }
}
