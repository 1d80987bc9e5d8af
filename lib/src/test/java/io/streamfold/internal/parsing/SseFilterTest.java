package io.streamfold.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.internal.json.Words;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SseFilter} filters whole lines in one go and the rest byte by byte: whatever the split,
 * the output is the same (fed a byte at a time, no line is ever whole).
 */
class SseFilterTest {

    private static final String[] PIECES = {
        "data: ", "data:", "data", "dat", "event: ", "event:content_block_delta", "id: 7", "retry: 10", ": ping",
        ":", "[DONE]", "[DONE] ", "[DON", "[", " [DONE]", "{\"type\":\"x\",\"delta\":{\"text\":\"a[b]\"}}", "{\"a\":",
        "1}", " ", "  ", "\n", "\n", "\n\n", "\r\n", "\r", "a_field_name_longer_than_sixteen:", "x", "\t", "é",
    };

    private static final class Collected implements SseFilter.Sink {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public void write(byte b) {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            out.write(bytes, offset, length);
        }

        @Override
        public void fill(byte b, int count) {
            for (int i = 0; i < count; i++) {
                out.write(b);
            }
        }
    }

    private record Filtered(String text, long dataLines) {
    }

    private static Filtered filter(byte[] in, Random splits) {
        SseFilter filter = new SseFilter();
        Collected sink = new Collected();
        int at = 0;
        while (at < in.length) {
            int n = splits == null ? in.length - at : Math.min(in.length - at, 1 + splits.nextInt(24));
            filter.write(in, at, n, sink);
            at += n;
        }
        filter.finish(sink);
        return new Filtered(sink.out.toString(StandardCharsets.ISO_8859_1), filter.dataLines());
    }

    private static Filtered byteByByte(byte[] in) {
        SseFilter filter = new SseFilter();
        Collected sink = new Collected();
        for (int i = 0; i < in.length; i++) {
            filter.write(in, i, 1, sink);
        }
        filter.finish(sink);
        return new Filtered(sink.out.toString(StandardCharsets.ISO_8859_1), filter.dataLines());
    }

    @Test
    void wholeLinesFilterAsTheirBytesDo() {
        Random random = new Random(12);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "\uFEFF" : "");
            int pieces = random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] in = text.toString().getBytes(StandardCharsets.UTF_8);
            Filtered expected = byteByByte(in);
            assertThat(expected.text().getBytes(StandardCharsets.ISO_8859_1)).as("same length").hasSize(in.length);
            assertThat(filter(in, null)).as("whole: %s", text).isEqualTo(expected);
            assertThat(filter(in, new Random(n))).as("split: %s", text).isEqualTo(expected);
        }
    }

    @Test
    void lineEndsAreFoundPastTabsAndControlBytes() {
        Random random = new Random(7);
        byte[] alphabet = {'a', '{', '"', ' ', '\t', 0, 1, 12, 13, 10, 14, (byte) 0x80, (byte) 0xFF, (byte) 0x8D};
        for (int n = 0; n < 20000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = from;
            while (expected < bytes.length && bytes[expected] != '\n' && bytes[expected] != '\r') {
                expected++;
            }
            assertThat(Words.lineEnd(bytes, from, bytes.length)).isEqualTo(expected);
        }
    }

    @Test
    void payloadsStayAndTheRestIsBlanked() {
        byte[] in = "event: delta\ndata: {\"a\":1}\n\n: comment\ndata:[DONE]\n\n".getBytes(StandardCharsets.UTF_8);
        Filtered out = filter(in, null);
        assertThat(out.text()).isEqualTo("            \n      {\"a\":1}\n\n         \n           \n\n");
        assertThat(out.dataLines()).isEqualTo(2);
    }
}
