package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid but hostile: a 300 MB recording of tiny chunks folds in a 64 MB heap, as a stream and
 * incrementally, because memory follows the folded output, not the input. The recording is made
 * as it is read (nothing is written to disk), in a child JVM that is stopped if it hangs.
 */
class LargeInputTest {

    private static final long SIZE = 300L * 1024 * 1024;
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void a300MegabyteRecordingOfTinyChunksFoldsIn64Megabytes(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(javaBinary(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeInputTest.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the child JVM did not finish in " + TIMEOUT_MINUTES + " minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        long chunks = new HugeRecording().chunks();
        long contentLength = chunks / 100;
        assertThat(output.lines().toList()).containsExactly(
                "stream: chunks=" + (chunks + 1) + " content=" + contentLength + " finish=stop",
                "incremental: chunks=" + (chunks + 1) + " content=" + contentLength + " finish=stop");
    }

    /** Run in the child JVM: folds the recording both ways and prints what it got. */
    public static void main(String[] args) throws IOException {
        print("stream", ChunkAssembler.assemble(new HugeRecording()));
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        try (InputStream in = new HugeRecording()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                assembler.feed(buffer, 0, n);
            }
        }
        print("incremental", assembler.finish());
    }

    private static void print(String how, Completion c) {
        System.out.println(how + ": chunks=" + c.chunkCount() + " content=" + c.message().content().length()
                + " finish=" + c.rawFinishReason());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A llama-stack recording of typed chunks, 300 MB of them, made as it is read: one chunk in a
     * hundred carries a character, the last one finishes.
     */
    static final class HugeRecording extends InputStream {

        private static final byte[] HEAD = bytes("{\"request\": {\"method\": \"POST\", \"url\": \"synthetic\"}, "
                + "\"response\": {\"body\": [\n");
        private static final String EMPTY = "{\"__type__\": \"openai.types.chat.chat_completion_chunk.ChatCompletionChunk\", "
                + "\"__data__\": {\"id\": \"chatcmpl-huge\", \"choices\": [{\"delta\": {\"content\": \"\", \"role\": null, "
                + "\"tool_calls\": null}, \"finish_reason\": null, \"index\": 0, \"logprobs\": null}], \"created\": 1, "
                + "\"model\": \"m\", \"object\": \"chat.completion.chunk\", \"usage\": null}},\n";
        private static final byte[] E = bytes(EMPTY);
        private static final byte[] L = bytes(EMPTY.replace("\"content\": \"\"", "\"content\": \"x\""));
        private static final byte[] LAST = bytes(EMPTY.replace("\"finish_reason\": null", "\"finish_reason\": \"stop\"")
                .replace("}},\n", "}}\n") + "], \"is_streaming\": true}}\n");

        private final long chunks;
        private long next;
        private byte[] piece = HEAD;
        private int at;

        HugeRecording() {
            long written = HEAD.length;
            long n = 0;
            while (written < SIZE) {
                written += n % 100 == 99 ? L.length : E.length;
                n++;
            }
            this.chunks = n;
        }

        /** The chunks before the last, finishing one. */
        long chunks() {
            return chunks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            int n = 0;
            while (n < length && piece != null) {
                int k = Math.min(length - n, piece.length - at);
                System.arraycopy(piece, at, into, offset + n, k);
                n += k;
                at += k;
                if (at == piece.length) {
                    at = 0;
                    piece = next < chunks ? (next % 100 == 99 ? L : E) : next == chunks ? LAST : null;
                    next++;
                }
            }
            return n == 0 && length > 0 ? -1 : n;
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
