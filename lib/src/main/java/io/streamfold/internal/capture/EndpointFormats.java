package io.streamfold.internal.capture;

import io.streamfold.Format;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The wire format a request URL asks for, where the path names it: a container knows the URL of
 * each exchange, so a body that tells no format by itself (an HTTP error body) still gets its
 * provider's.
 */
final class EndpointFormats {

    private static final Pattern WILDCARD_TAIL = Pattern.compile("[.*+?$/\\\\()]+$");

    private EndpointFormats() {
    }

    /** The format the URL's (or URL pattern's) API answers in, or null when the path does not say. */
    static Format of(String url) {
        if (url == null) {
            return null;
        }
        String path = url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        // A WireMock stub's urlPattern or urlPathPattern is a regular expression: its tail
        // (".*", "$", "/?", an optional query "(\\?.*)?") is no part of the path
        path = WILDCARD_TAIL.matcher(path).replaceFirst("");
        if (path.endsWith("/chat/completions")) {
            return Format.OPENAI_CHAT;
        }
        if (path.endsWith("/completions")) {
            return Format.OPENAI_COMPLETION;
        }
        if (path.endsWith("/responses")) {
            return Format.OPENAI_RESPONSES;
        }
        if (path.endsWith("/messages")) {
            return Format.ANTHROPIC_MESSAGES;
        }
        if (path.endsWith(":generatecontent") || path.endsWith(":streamgeneratecontent")) {
            return Format.GEMINI;
        }
        if (path.endsWith("/interactions")) {
            return Format.GEMINI_INTERACTIONS;
        }
        if (path.endsWith("/v2/chat")) {
            return Format.COHERE_CHAT;
        }
        if (path.endsWith("/api/chat")) {
            return Format.OLLAMA_CHAT;
        }
        if (path.endsWith("/api/generate")) {
            return Format.OLLAMA_GENERATE;
        }
        if (path.endsWith("/converse") || path.endsWith("/converse-stream")) {
            return Format.BEDROCK_CONVERSE;
        }
        return null;
    }
}
