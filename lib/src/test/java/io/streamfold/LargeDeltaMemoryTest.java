package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.streamfold.internal.json.CharBuf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One delta of 50,000,000 characters folds in 5 bytes of heap a character (a 250 MB heap), by
 * {@code assemble} and incrementally: the text is not copied from Jackson's buffer to a scratch
 * buffer to an accumulator to the String, but read once and kept once. The recording is made as
 * it is read, in a child JVM that is stopped if it hangs.
 */
class LargeDeltaMemoryTest {

    static final int CHARS = 50_000_000;
    private static final long TIMEOUT_MINUTES = 3;

    @Test
    void aFiftyMillionCharacterDeltaFoldsInFiveBytesACharacter(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        long heapMegabytes = 5L * CHARS / 1_000_000;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMegabytes + "m", "-cp", System.getProperty("java.class.path"),
                LargeDeltaMemoryTest.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the child JVM did not finish in " + TIMEOUT_MINUTES + " minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).containsExactly(
                "assemble: content=" + CHARS + " finish=stop",
                "incremental: content=" + CHARS + " finish=stop");
    }

    /** A large delta is shared, not copied: what follows it, Latin-1 or not, is appended to a copy. */
    @Test
    void aLargeDeltaFollowedByMoreTextFoldsWhole() {
        String large = "é".repeat(CharBuf.LARGE + 10);
        String wide = "x".repeat(CharBuf.LARGE) + "€" + "y".repeat(100);
        for (String[] deltas : new String[][] {{large, " and more"}, {large, "€"}, {wide, " and more"}, {"a", large}}) {
            StringBuilder sse = new StringBuilder();
            for (String delta : deltas) {
                sse.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"").append(delta).append("\"},\"finish_reason\":null}]}\n\n");
            }
            byte[] bytes = sse.toString().getBytes(StandardCharsets.UTF_8);
            String expected = String.join("", deltas);
            assertThat(ChunkAssembler.assemble(bytes).text()).isEqualTo(expected);
            assertThat(ChunkAssembler.incremental().feed(bytes).finish().text()).isEqualTo(expected);
        }
    }

    /** Run in the child JVM: folds the delta both ways, one after the other, and prints what it got. */
    public static void main(String[] args) throws IOException {
        print("assemble", ChunkAssembler.assemble(new OneHugeDelta()));
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        try (InputStream in = new OneHugeDelta()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                assembler.feed(buffer, 0, n);
            }
        }
        print("incremental", assembler.finish());
    }

    private static void print(String how, Completion c) {
        String content = c.message().content();
        boolean allX = content.chars().allMatch(ch -> ch == 'x');
        System.out.println(how + ": content=" + (allX ? content.length() : -1) + " finish=" + c.rawFinishReason());
    }

    /** SSE of two chat chunks, the first with the one huge delta, made as it is read. */
    static final class OneHugeDelta extends InputStream {

        private static final byte[] HEAD = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"")
                .getBytes(StandardCharsets.UTF_8);
        private static final byte[] TAIL = ("\"},\"finish_reason\":null}]}\n\ndata: {\"id\":\"chatcmpl-1\","
                + "\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

        private long at;
        private final long size = HEAD.length + (long) CHARS + TAIL.length;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at >= size) {
                return length == 0 ? 0 : -1;
            }
            int n = (int) Math.min(length, size - at);
            for (int i = 0; i < n; i++, at++) {
                into[offset + i] = at < HEAD.length ? HEAD[(int) at]
                        : at < HEAD.length + CHARS ? (byte) 'x' : TAIL[(int) (at - HEAD.length - CHARS)];
            }
            return n;
        }
    }
}
