package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;

/**
 * jackson-core's own UTF-8 parser, which can also hand a string over in pieces, decoded straight
 * from its input buffer: a final event's repeat of megabytes of output text is compared as it is
 * read, without Jackson's {@code getText(Writer)} first decoding all of it into a text buffer that
 * grows segment by segment. Every token is still Jackson's; only {@link #stringTo} reads bytes
 * itself, and it hands anything unusual (a control character, a byte no UTF-8 sequence starts
 * with) to Jackson's own string reading, which reports it as it always does.
 *
 * <p>It uses jackson-core's protected parser API (the input buffer and its pointers,
 * {@code _loadMoreGuaranteed}, {@code _decodeEscaped}, {@code _finishString}), the same from 2.15
 * on; the factory makes one wherever Jackson would make its UTF-8 byte parser.
 */
public final class Utf8Parser extends ExpectedNameParser {

    private static final int PIECE = 4096;
    /** Bytes that end a run of plain ASCII in a string: controls, the quote, the backslash, non-ASCII. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            SPECIAL[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
        }
    }

    private char[] piece;

    /** As {@link UTF8StreamJsonParser}'s own constructor, which Jackson's bootstrapper calls. */
    public Utf8Parser(IOContext context, int features, InputStream in, ObjectCodec codec, ByteQuadsCanonicalizer names,
            byte[] buffer, int start, int end, int bytesPreProcessed, boolean recyclable) {
        super(context, features, in, codec, names, buffer, start, end, bytesPreProcessed, recyclable);
    }

    /**
     * Writes the string the parser stands on (a {@code VALUE_STRING}) to {@code to}, in pieces of
     * a few thousand chars, and consumes it. Another parser, or a string already read, is written
     * as {@code getText(Writer)} writes it.
     */
    public static void stringTo(JsonParser p, Writer to) throws IOException {
        if (p instanceof Utf8Parser u && u._tokenIncomplete && u.currentToken() == JsonToken.VALUE_STRING) {
            u.pieces(to);
        } else {
            p.getText(to);
        }
    }

    /**
     * Consumes the string the parser stands on (a {@code VALUE_STRING}) when it is exactly
     * {@code expected}, compared with the input's bytes undecoded: the id and model that every
     * chunk repeats cost no decoding. False leaves the string unread, for the usual reading:
     * when it differs, when another parser reads, or when only a decoder could tell (an escape, a
     * non-ASCII or control character, a string that runs past the input buffer).
     */
    public static boolean skipIfSame(JsonParser p, CharSequence expected) {
        return p instanceof Utf8Parser u && u.sameAscii(expected);
    }

    private boolean sameAscii(CharSequence expected) {
        if (!_tokenIncomplete || _currToken != JsonToken.VALUE_STRING) {
            return false;
        }
        int n = expected.length();
        int ptr = _inputPtr;
        if (n >= _inputEnd - ptr) {
            return false; // the closing quote must be in the buffer too
        }
        byte[] in = _inputBuffer;
        for (int i = 0; i < n; i++) {
            char c = expected.charAt(i);
            if (in[ptr + i] != c || c == '"' || c == '\\' || c < 0x20) {
                return false; // a byte >= 0x80 is negative: it equals no char
            }
        }
        if (in[ptr + n] != '"') {
            return false;
        }
        _inputPtr = ptr + n + 1;
        _tokenIncomplete = false;
        _textBuffer.resetWithEmpty();
        return true;
    }

    private void pieces(Writer to) throws IOException {
        _tokenIncomplete = false;
        _textBuffer.resetWithEmpty(); // the text goes to the writer, not to the parser
        char[] out = piece != null ? piece : (piece = new char[PIECE]);
        int o = 0;
        while (true) {
            if (_inputPtr >= _inputEnd) {
                _loadMoreGuaranteed(); // the input ends inside the string: Jackson's own error
            }
            if (o >= out.length - 1) { // room for a surrogate pair
                to.write(out, 0, o);
                o = 0;
            }
            byte[] in = _inputBuffer;
            int ptr = _inputPtr;
            int end = Math.min(_inputEnd, ptr + (out.length - 1 - o));
            while (ptr < end && !SPECIAL[in[ptr] & 0xFF]) {
                out[o++] = (char) in[ptr++];
            }
            _inputPtr = ptr;
            if (ptr == end) {
                continue;
            }
            int c = in[ptr] & 0xFF;
            if (c == '"') {
                _inputPtr++;
                break;
            }
            if (c == '\\') {
                _inputPtr++;
                out[o++] = _decodeEscaped();
            } else if (c < 0xC0 || c >= 0xF8) {
                to.write(out, 0, o);
                rest(to); // a control character or a byte no sequence starts with: as Jackson reads it
                return;
            } else {
                _inputPtr++;
                o = sequence(c, out, o);
            }
        }
        if (o > 0) {
            to.write(out, 0, o);
        }
    }

    /** A UTF-8 sequence of 2 to 4 bytes led by {@code c}, decoded as Jackson decodes it, into {@code out}. */
    private int sequence(int c, char[] out, int o) throws IOException {
        if (c < 0xE0) {
            out[o++] = (char) ((c & 0x1F) << 6 | continuation());
        } else if (c < 0xF0) {
            int d = continuation();
            out[o++] = (char) ((c & 0x0F) << 12 | d << 6 | continuation());
        } else {
            int d = continuation();
            int e = continuation();
            int cp = ((c & 0x07) << 18 | d << 12 | e << 6 | continuation()) - 0x10000;
            out[o++] = (char) (0xD800 | cp >> 10);
            out[o++] = (char) (0xDC00 | cp & 0x3FF);
        }
        return o;
    }

    private int continuation() throws IOException {
        if (_inputPtr >= _inputEnd) {
            _loadMoreGuaranteed();
        }
        int d = _inputBuffer[_inputPtr++] & 0xFF;
        if ((d & 0xC0) != 0x80) {
            _reportError("Invalid UTF-8 middle byte 0x" + Integer.toHexString(d)); // Jackson's words
        }
        return d & 0x3F;
    }

    /** The rest of the string, from the parser's place in it, read by Jackson. */
    private void rest(Writer to) throws IOException {
        _finishString();
        _textBuffer.contentsToWriter(to);
    }
}
