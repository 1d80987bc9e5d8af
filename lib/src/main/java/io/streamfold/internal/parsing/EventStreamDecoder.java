package io.streamfold.internal.parsing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Decodes Amazon's binary {@code application/vnd.amazon.eventstream} framing (how Bedrock's
 * ConverseStream travels over HTTP, and how an HTTP recorder stores it) into the decoded JSON
 * events the {@code bedrock.converse} format reads: one line {@code {"<event-type>": <payload>}} per message.
 *
 * <p>A message is a 12-byte prelude (total length, headers length, both big-endian 32-bit, and the
 * CRC32 of those 8 bytes), headers, the payload, and the CRC32 of everything before it. Both CRCs
 * are checked; a bad one, or an impossible length, is an {@link EventStreamException} naming the
 * byte offset. Headers: {@code :message-type} {@code event} (the line is keyed by
 * {@code :event-type}), {@code exception} (keyed by {@code :exception-type}, such as
 * {@code throttlingException}) or {@code error} ({@code {"error": {"code", "message"}}} from
 * {@code :error-code} and {@code :error-message}); {@code :content-type} says whether the payload
 * is JSON (written as it is) or not (written as a JSON string).
 *
 * <p>Bytes may be fed split anywhere; only the message being framed is buffered.
 */
public final class EventStreamDecoder {

    static final int PRELUDE = 12;
    /** The smallest message: a prelude, no headers, no payload, the message CRC. */
    static final int MIN_MESSAGE = PRELUDE + 4;
    /** AWS allows 16 MB of payload and 128 KB of headers; anything larger is not a frame. */
    static final int MAX_MESSAGE = 16 * 1024 * 1024 + 128 * 1024 + MIN_MESSAGE;

    private final OutputStream out;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    /** Input offset of {@code buf[start]}. */
    private long consumed;
    private int messages;

    /** Writes each decoded event to {@code out} as one line of JSON. */
    public EventStreamDecoder(OutputStream out) {
        this.out = out;
    }

    /**
     * True when the bytes begin like an event stream message: a sane prelude whose CRC matches
     * (one chance in four billion for any other input). Needs at least 12 bytes.
     */
    public static boolean looksLikeEventStream(byte[] head, int length) {
        if (length < PRELUDE || head.length < PRELUDE) {
            return false;
        }
        long total = u32(head, 0);
        long headers = u32(head, 4);
        return total >= MIN_MESSAGE && total <= MAX_MESSAGE && headers <= total - MIN_MESSAGE
                && crc(head, 0, 8) == u32(head, 8);
    }

    /** Decodes the next bytes: every message they complete is written out. */
    public void feed(byte[] bytes, int offset, int length) throws IOException {
        if (end + length > buf.length) {
            compact(length);
        }
        System.arraycopy(bytes, offset, buf, end, length);
        end += length;
        while (end - start >= PRELUDE) {
            int total = checkPrelude();
            if (end - start < total) {
                return;
            }
            message(total);
            start += total;
            consumed += total;
        }
    }

    /** The input ended: fails when it ended inside a message. */
    public void finish() throws EventStreamException {
        if (end > start) {
            throw new EventStreamException("The event stream ended inside a message (" + (end - start)
                    + " bytes of it arrived)", consumed, messages + 1);
        }
    }

    /** The number of messages decoded so far. */
    public int messages() {
        return messages;
    }

    private void compact(int incoming) {
        int held = end - start;
        byte[] target = held + incoming > buf.length ? new byte[Math.max(held + incoming, buf.length * 2)] : buf;
        System.arraycopy(buf, start, target, 0, held);
        buf = target;
        start = 0;
        end = held;
    }

    private int checkPrelude() throws EventStreamException {
        long total = u32(buf, start);
        long headers = u32(buf, start + 4);
        if (total < MIN_MESSAGE || total > MAX_MESSAGE) {
            throw damaged("An event stream message of " + total + " bytes (from " + MIN_MESSAGE + " to " + MAX_MESSAGE
                    + " expected): this is not an application/vnd.amazon.eventstream input, or it is damaged");
        }
        long expected = u32(buf, start + 8);
        long actual = crc(buf, start, 8);
        if (expected != actual) {
            throw damaged("A bad prelude CRC (" + hex(expected) + " in the input, " + hex(actual) + " computed)");
        }
        if (headers > total - MIN_MESSAGE) {
            throw damaged("Headers of " + headers + " bytes in a message of " + total + " bytes");
        }
        return (int) total;
    }

    private void message(int total) throws IOException {
        int at = start;
        long expected = u32(buf, at + total - 4);
        long actual = crc(buf, at, total - 4);
        if (expected != actual) {
            throw damaged("A bad message CRC (" + hex(expected) + " in the input, " + hex(actual) + " computed)");
        }
        int headersEnd = at + PRELUDE + (int) u32(buf, at + 4);
        Headers h = new Headers();
        readHeaders(at + PRELUDE, headersEnd, h);
        int payloadStart = headersEnd;
        int payloadEnd = at + total - 4;
        String messageType = h.messageType == null ? "event" : h.messageType;
        switch (messageType) {
            case "event":
                line(required(h.eventType, ":event-type"), payloadStart, payloadEnd, h.contentType);
                break;
            case "exception":
                line(required(h.exceptionType, ":exception-type"), payloadStart, payloadEnd, h.contentType);
                break;
            case "error":
                out.write(("{\"error\":{\"code\":" + quote(h.errorCode) + ",\"message\":" + quote(h.errorMessage) + "}}\n")
                        .getBytes(StandardCharsets.UTF_8));
                break;
            default:
                throw damaged("A :message-type of '" + messageType + "' (event, exception or error expected)");
        }
        messages++;
    }

    private String required(String value, String header) throws EventStreamException {
        if (value == null) {
            throw damaged("A message without its " + header + " header");
        }
        return value;
    }

    private void line(String key, int from, int to, String contentType) throws IOException {
        out.write(("{" + quote(key) + ":").getBytes(StandardCharsets.UTF_8));
        if (from == to) {
            out.write('{');
            out.write('}');
        } else if (contentType == null || contentType.contains("json")) {
            // Raw CR and LF can only be whitespace in JSON: blanks keep the event on its line.
            byte[] payload = Arrays.copyOfRange(buf, from, to);
            for (int i = 0; i < payload.length; i++) {
                if (payload[i] == '\n' || payload[i] == '\r') {
                    payload[i] = ' ';
                }
            }
            out.write(payload);
        } else {
            out.write(quote(new String(buf, from, to - from, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
        out.write('}');
        out.write('\n');
    }

    /** The headers streamfold uses; the others are read past by their type. */
    private static final class Headers {
        String messageType;
        String eventType;
        String exceptionType;
        String contentType;
        String errorCode;
        String errorMessage;
    }

    private void readHeaders(int at, int to, Headers h) throws EventStreamException {
        while (at < to) {
            int nameLength = buf[at] & 0xFF;
            at++;
            need(at + nameLength + 1, to);
            String name = new String(buf, at, nameLength, StandardCharsets.UTF_8);
            at += nameLength;
            int type = buf[at] & 0xFF;
            at++;
            int size;
            switch (type) {
                case 0: case 1: size = 0; break;
                case 2: size = 1; break;
                case 3: size = 2; break;
                case 4: size = 4; break;
                case 5: case 8: size = 8; break;
                case 9: size = 16; break;
                case 6: case 7:
                    need(at + 2, to);
                    size = ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
                    at += 2;
                    break;
                default:
                    throw damaged("A header '" + name + "' of unknown value type " + type);
            }
            need(at + size, to);
            if (type == 7) {
                String value = new String(buf, at, size, StandardCharsets.UTF_8);
                switch (name) {
                    case ":message-type": h.messageType = value; break;
                    case ":event-type": h.eventType = value; break;
                    case ":exception-type": h.exceptionType = value; break;
                    case ":content-type": h.contentType = value; break;
                    case ":error-code": h.errorCode = value; break;
                    case ":error-message": h.errorMessage = value; break;
                    default: break;
                }
            }
            at += size;
        }
    }

    private void need(int upTo, int limit) throws EventStreamException {
        if (upTo > limit) {
            throw damaged("A header that runs past the headers' end");
        }
    }

    private EventStreamException damaged(String what) {
        return new EventStreamException(what, consumed, messages + 1);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static long crc(byte[] b, int at, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, at, length);
        return crc.getValue();
    }

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }

    /** A JSON string literal (null as null). */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
