package io.streamfold.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The binary {@code application/vnd.amazon.eventstream} framing, built here byte by byte with {@link CRC32}. */
class EventStreamDecoderTest {

    /** One header: name, value type and value bytes (the length prefix of types 6 and 7 included). */
    record Header(String name, int type, byte[] value) {
        static Header string(String name, String value) {
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            return new Header(name, 7, ByteBuffer.allocate(2 + v.length).putShort((short) v.length).put(v).array());
        }
    }

    static byte[] frame(List<Header> headers, String payload) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        for (Header header : headers) {
            byte[] name = header.name().getBytes(StandardCharsets.UTF_8);
            h.write(name.length);
            h.writeBytes(name);
            h.write(header.type());
            h.writeBytes(header.value());
        }
        byte[] head = h.toByteArray();
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        int total = 12 + head.length + body.length + 4;
        ByteBuffer b = ByteBuffer.allocate(total);
        b.putInt(total).putInt(head.length);
        b.putInt((int) crc(b.array(), 0, 8));
        b.put(head).put(body);
        b.putInt((int) crc(b.array(), 0, total - 4));
        return b.array();
    }

    static byte[] event(String type, String payload) {
        return frame(List.of(Header.string(":event-type", type), Header.string(":content-type", "application/json"),
                Header.string(":message-type", "event")), payload);
    }

    static long crc(byte[] b, int at, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, at, length);
        return crc.getValue();
    }

    static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static String decode(byte[] bytes, int pieceSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStreamDecoder decoder = new EventStreamDecoder(out);
        for (int at = 0; at < bytes.length; at += pieceSize) {
            decoder.feed(bytes, at, Math.min(pieceSize, bytes.length - at));
        }
        decoder.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The real Bedrock sample's events as the service frames them: each payload with Bedrock's "p" padding. */
    static List<byte[]> realFrames() {
        return framesOf(Path.of(System.getProperty("streamfold.recordings", "../recordings"))
                .resolve("real/bedrock-converse-reasoning-text--vercel-ai.jsonl"));
    }

    /** A decoded JSON Lines sample's events, each framed with Bedrock's "p" padding. */
    static List<byte[]> framesOf(Path sample) {
        List<byte[]> frames = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(sample)) {
                int colon = line.indexOf(':');
                String type = line.substring(2, colon - 1);
                String payload = line.substring(colon + 1, line.length() - 1);
                frames.add(event(type, "{\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEF\"," + payload.substring(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    @Test
    void framesDecodeToOneJsonLineEach() throws IOException {
        byte[] bytes = concat(List.of(event("messageStart", "{\"p\":\"abc\",\"role\":\"assistant\"}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi \\u00e9\"}}")));
        assertThat(decode(bytes, bytes.length)).isEqualTo("{\"messageStart\":{\"p\":\"abc\",\"role\":\"assistant\"}}\n"
                + "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi \\u00e9\"}}}\n");
    }

    @Test
    void anySplitGivesTheSameLines() throws IOException {
        byte[] bytes = concat(realFrames());
        String whole = decode(bytes, bytes.length);
        assertThat(whole.lines()).hasSize(realFrames().size());
        for (int size : new int[] {1, 2, 5, 11, 12, 13, 97}) {
            assertThat(decode(bytes, size)).as("fed %d bytes at a time", size).isEqualTo(whole);
        }
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EventStreamDecoder decoder = new EventStreamDecoder(out);
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, random.nextInt(40));
                decoder.feed(bytes, at, n);
                at += n;
            }
            decoder.finish();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(whole);
        }
    }

    @Test
    void decodedFramesFoldLikeTheSdksJsonLines() throws IOException {
        byte[] bytes = concat(realFrames());
        Completion fromFrames = ChunkAssembler.assemble(new EventStreamInput(new ByteArrayInputStream(bytes)));
        Completion fromJson = ChunkAssembler.assemble(Path.of(System.getProperty("streamfold.recordings", "../recordings"))
                .resolve("real/bedrock-converse-reasoning-text--vercel-ai.jsonl"));
        assertThat(fromFrames.format()).hasToString("bedrock.converse");
        assertThat(fromFrames.warnings()).isEmpty();
        assertThat(fromFrames).isEqualTo(fromJson);
    }

    @Test
    void exceptionAndErrorMessages() throws IOException {
        byte[] exception = frame(List.of(Header.string(":message-type", "exception"),
                Header.string(":exception-type", "throttlingException"), Header.string(":content-type", "application/json")),
                "{\"message\":\"Too many requests\"}");
        byte[] error = frame(List.of(Header.string(":message-type", "error"), Header.string(":error-code", "InternalFailure"),
                Header.string(":error-message", "boom \"quoted\"")), "");
        assertThat(decode(concat(List.of(exception, error)), 7)).isEqualTo(
                "{\"throttlingException\":{\"message\":\"Too many requests\"}}\n"
                        + "{\"error\":{\"code\":\"InternalFailure\",\"message\":\"boom \\\"quoted\\\"\"}}\n");
    }

    @Test
    void headersOfEveryTypeAreReadPast() throws IOException {
        List<Header> headers = List.of(new Header("t", 0, new byte[0]), new Header("f", 1, new byte[0]),
                new Header("b", 2, new byte[] {7}), new Header("s", 3, new byte[2]), new Header("i", 4, new byte[4]),
                new Header("l", 5, new byte[8]),
                new Header("bytes", 6, new byte[] {0, 3, 1, 2, 3}), new Header("ts", 8, new byte[8]),
                new Header("uuid", 9, new byte[16]), Header.string(":event-type", "messageStop"),
                Header.string(":message-type", "event"));
        assertThat(decode(frame(headers, "{\"stopReason\":\"end_turn\"}"), 3))
                .isEqualTo("{\"messageStop\":{\"stopReason\":\"end_turn\"}}\n");
    }

    @Test
    void anEmptyPayloadIsAnEmptyObjectAndNewlinesInAPayloadStayOnItsLine() throws IOException {
        byte[] bytes = concat(List.of(event("messageStart", ""), event("messageStop", "{\n  \"stopReason\": \"end_turn\"\r\n}")));
        assertThat(decode(bytes, 4)).isEqualTo("{\"messageStart\":{}}\n{\"messageStop\":{   \"stopReason\": \"end_turn\"  }}\n");
    }

    @Test
    void aBadPreludeCrcNamesTheMessageAndItsOffset() {
        byte[] first = event("messageStart", "{\"role\":\"assistant\"}");
        byte[] second = event("messageStop", "{\"stopReason\":\"end_turn\"}");
        second[9] ^= 0x01; // inside the prelude CRC
        byte[] bytes = concat(List.of(first, second));
        assertThatThrownBy(() -> decode(bytes, 5)).isInstanceOfSatisfying(EventStreamException.class, e -> {
            assertThat(e.offset()).isEqualTo(first.length);
            assertThat(e.message()).isEqualTo(2);
            assertThat(e.getMessage()).contains("bad prelude CRC").contains("at byte " + first.length)
                    .contains("event stream message 2");
        });
    }

    @Test
    void aBadMessageCrcIsAnError() {
        byte[] first = event("messageStart", "{\"role\":\"assistant\"}");
        byte[] second = event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}");
        second[second.length - 10] ^= 0x20; // a payload byte: the prelude is fine, the message CRC is not
        byte[] bytes = concat(List.of(first, second));
        assertThatThrownBy(() -> decode(bytes, bytes.length)).isInstanceOfSatisfying(EventStreamException.class, e -> {
            assertThat(e.offset()).isEqualTo(first.length);
            assertThat(e.getMessage()).contains("bad message CRC");
        });
    }

    @Test
    void anInputThatEndsInsideAMessageIsAnError() {
        byte[] frame = event("messageStart", "{\"role\":\"assistant\"}");
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 3);
        assertThatThrownBy(() -> decode(cut, 4)).isInstanceOf(EventStreamException.class)
                .hasMessageContaining("ended inside a message").hasMessageContaining("at byte 0");
    }

    @Test
    void anImpossibleLengthIsAnError() {
        byte[] tooSmall = ByteBuffer.allocate(16).putInt(8).putInt(0).array();
        ByteBuffer.wrap(tooSmall).putInt(8, (int) crc(tooSmall, 0, 8));
        assertThatThrownBy(() -> decode(tooSmall, 16)).isInstanceOf(EventStreamException.class)
                .hasMessageContaining("not an application/vnd.amazon.eventstream input");
    }

    @Test
    void looksLikeEventStreamChecksThePreludeCrc() {
        byte[] frame = event("messageStart", "{\"role\":\"assistant\"}");
        assertThat(EventStreamDecoder.looksLikeEventStream(frame, 12)).isTrue();
        assertThat(EventStreamDecoder.looksLikeEventStream(frame, frame.length)).isTrue();
        assertThat(EventStreamDecoder.looksLikeEventStream(frame, 11)).as("too short to tell").isFalse();
        byte[] damaged = frame.clone();
        damaged[10] ^= 0x40;
        assertThat(EventStreamDecoder.looksLikeEventStream(damaged, damaged.length)).isFalse();
        for (String text : List.of("{\"messageStart\":{\"role\":\"assistant\"}}", "data: {\"x\":1}\n\n", "[{\"a\":1}]    ")) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            assertThat(EventStreamDecoder.looksLikeEventStream(b, b.length)).as(text).isFalse();
        }
    }

    @Test
    void theInputStreamAdapterReadsByteByByte() throws IOException {
        byte[] bytes = concat(realFrames());
        EventStreamInput in = new EventStreamInput(new ByteArrayInputStream(bytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            out.write(b);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(decode(bytes, bytes.length));
    }
}
