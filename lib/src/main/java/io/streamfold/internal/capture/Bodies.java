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
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

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

    /**
     * A body stored as the server compressed it, inflated: gzip (told by its magic number, whatever
     * the headers say) and {@code Content-Encoding: deflate}. A body still compressed another way
     * (br, zstd) is kept as it is: {@link #stillCompressed} tells it. A recorder that decoded the
     * body but kept the header is believed by the bytes.
     */
    static byte[] inflated(byte[] body, String contentEncoding, String source, Tree.At at, String where) {
        if (body == null || body.length == 0) {
            return body;
        }
        Tree.At place = new Tree.At(at.line(), at.column(), where);
        if (isGzip(body)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw Located.error(Problem.Kind.MALFORMED, source, place,
                        "Expected a gzip body that inflates but found damaged gzip (" + e.getMessage() + ")");
            }
        }
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity") || looksDecoded(body)) {
            return body;
        }
        if (encoding.equals("deflate")) {
            return inflateDeflate(body, source, place);
        }
        return body; // br, zstd: the exchange says so, and is an error if it may be an LLM response
    }

    /** The content encoding a body is still compressed with (br, zstd), or null when it is decoded. */
    static String stillCompressed(byte[] body, String contentEncoding) {
        if (body == null || body.length == 0 || contentEncoding == null || isGzip(body) || looksDecoded(body)) {
            return null;
        }
        String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
        return encoding.isEmpty() || encoding.equals("identity") || encoding.equals("deflate")
                || encoding.equals("gzip") ? null : encoding;
    }

    /** True when the media type holds no LLM response (a page, an image, a form). */
    static boolean isNotLlmType(String mediaType) {
        if (mediaType != null) {
            for (String prefix : NOT_LLM_PREFIXES) {
                if (mediaType.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksDecoded(byte[] body) {
        InputKind kind = InputKind.decide(body, body.length, true);
        return kind == InputKind.JSON || kind == InputKind.SSE || kind == InputKind.EVENT_STREAM
                || kind == InputKind.HTML;
    }

    /** HTTP's deflate is zlib-wrapped by the standard, raw in some servers' hands: both are tried. */
    private static byte[] inflateDeflate(byte[] body, String source, Tree.At place) {
        for (boolean raw : new boolean[] {false, true}) {
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(raw))) {
                return in.readAllBytes();
            } catch (IOException e) {
                // the other wrapping, or damaged
            }
        }
        throw Located.error(Problem.Kind.MALFORMED, source, place,
                "Expected a deflate body (Content-Encoding: deflate) that inflates but found damaged data");
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
        if (isNotLlmType(mediaType)) {
            return false;
        }
        InputKind kind = InputKind.decide(body, body.length, true);
        return kind == InputKind.JSON || kind == InputKind.SSE || kind == InputKind.EVENT_STREAM;
    }
}
