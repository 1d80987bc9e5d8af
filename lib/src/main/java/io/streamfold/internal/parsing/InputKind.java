package io.streamfold.internal.parsing;

import io.streamfold.AssemblyException;
import io.streamfold.internal.json.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * What an input is, told from its first bytes: JSON (a recording, an array, JSON Lines), SSE text,
 * or Amazon's binary event stream (Bedrock's ConverseStream as it travels over HTTP).
 */
public enum InputKind {
    JSON, SSE, EVENT_STREAM, EMPTY, HTML, OTHER;

    private static final int PEEK = 8192;

    /** Tells the kind from the start of a byte array. */
    public static InputKind of(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (end - i >= 3 && (bytes[i] & 0xFF) == 0xEF && (bytes[i + 1] & 0xFF) == 0xBB && (bytes[i + 2] & 0xFF) == 0xBF) {
            i += 3; // a UTF-8 byte order mark
        }
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i == end) {
            return EMPTY;
        }
        byte b = bytes[i];
        if (b == '{' || b == '[') {
            return JSON;
        }
        if (b == '<') {
            return HTML;
        }
        if (b == ':' || startsWith(bytes, i, end, "data:") || startsWith(bytes, i, end, "event:")
                || startsWith(bytes, i, end, "id:") || startsWith(bytes, i, end, "retry:")) {
            return SSE;
        }
        return OTHER;
    }

    /**
     * The kind of an input that starts with {@code head[0, n)}, or null while more bytes could
     * change it ({@code complete}: no more are coming). Enough to tell "data:" from "dat" is a
     * few bytes past the first non-blank one; pages of blanks are left to the JSON parser.
     */
    public static InputKind decide(byte[] head, int n, boolean complete) {
        if (n > 0 && head[0] == 0) {
            // A binary event stream starts with its first message's length, big-endian: a zero byte.
            if (n >= 12 && EventStreamDecoder.looksLikeEventStream(head, n)) {
                return EVENT_STREAM;
            }
            if (n < 12 && !complete) {
                return null;
            }
        }
        InputKind kind = of(head, 0, Math.min(n, PEEK));
        if (kind != EMPTY && n - firstNonBlank(head, n) >= 8) {
            return kind;
        }
        if (n >= PEEK) {
            return kind == EMPTY ? JSON : kind;
        }
        return complete ? kind : null;
    }

    /**
     * The located error for an input of this kind, {@link #EMPTY} or {@link #HTML}, which holds
     * no stream: an empty input is named at its end, an HTML page at its first {@code <}.
     */
    AssemblyException refusal(Diagnostics diag, byte[] head, int n) {
        int at = 0;
        if (this == HTML) {
            while (at < n && head[at] != '<') {
                at++;
            }
        } else {
            at = n;
        }
        long line = 1;
        long column = 1;
        for (int i = 0; i < at; i++) {
            if (head[i] == '\n' || (head[i] == '\r' && (i + 1 >= at || head[i + 1] != '\n'))) {
                line++;
                column = 1;
            } else if (head[i] != '\r') {
                column++;
            }
        }
        return diag.malformedAt(this == HTML
                ? "Expected a recording or a stream but found HTML or XML (an error page?)"
                : "Expected a recording or a stream but found an empty input", line, column, at);
    }

    /** Where the first non-blank byte is: past blanks and a byte order mark (any byte above ASCII). */
    private static int firstNonBlank(byte[] bytes, int n) {
        int i = 0;
        while (i < n && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t' || (bytes[i] & 0x80) != 0)) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] bytes, int i, int end, String prefix) {
        if (end - i < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (bytes[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The start of a stream, read ahead to tell its kind, and the whole stream again. */
    public record Peeked(InputKind kind, InputStream stream, byte[] head, int length) {
    }

    /** Reads ahead just enough of a stream to tell its kind; the returned stream starts from the beginning. */
    public static Peeked peek(InputStream in) throws IOException {
        byte[] head = new byte[PEEK];
        int n = 0;
        InputKind kind = EMPTY;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
            if (decide(head, n, false) != null) {
                break;
            }
        }
        kind = decide(head, n, true);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
        return new Peeked(kind, whole, head, n);
    }
}
