package io.streamfold.internal.capture;

import io.streamfold.Problem;
import io.streamfold.internal.parsing.InputKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Turns a recorded body into the bytes the server sent, and tells which bodies can hold an LLM
 * response at all: HTML pages, images, uploads and plain words are passed over before folding.
 */
final class Bodies {

    /** The content types that hold no LLM response, whatever their body looks like. */
    private static final Set<String> NOT_LLM_PREFIXES = Set.of("text/html", "image/", "audio/", "video/",
            "multipart/", "application/xml", "text/xml", "application/pdf", "font/", "text/css",
            "application/javascript", "text/javascript", "application/x-www-form-urlencoded");

    private Bodies() {
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes base64 (line breaks and padding as MIME writes them allowed); null if it is none. */
    static byte[] base64(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isGzip(byte[] b) {
        return b != null && b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    /** A body stored as the server compressed it ({@code Content-Encoding: gzip}): inflated; damaged gzip is located. */
    static byte[] inflated(byte[] body, String source, Tree.At at, String where) {
        if (!isGzip(body)) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Located.error(Problem.Kind.MALFORMED, source, new Tree.At(at.line(), at.column(), where),
                    "Expected a gzip body that inflates but found damaged gzip (" + e.getMessage() + ")");
        }
    }

    /** The media type alone, lower case: {@code text/event-stream; charset=utf-8} is {@code text/event-stream}. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }

    /** True when the body may hold an LLM response: JSON, SSE or binary event-stream frames, of an LLM-ish type. */
    static boolean mayHoldResponse(byte[] body, String mediaType) {
        if (body == null || body.length == 0) {
            return false;
        }
        if (mediaType != null) {
            for (String prefix : NOT_LLM_PREFIXES) {
                if (mediaType.startsWith(prefix)) {
                    return false;
                }
            }
        }
        InputKind kind = InputKind.decide(body, body.length, true);
        return kind == InputKind.JSON || kind == InputKind.SSE || kind == InputKind.EVENT_STREAM;
    }
}
