package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid but hostile: a 300 MB recording of tiny chunks folds in a 64 MB heap, from a file and
 * incrementally, because memory follows the folded output, not the input.
 */
class LargeInputTest {

    private static final long SIZE = 300L * 1024 * 1024;

    @Test
    void a300MegabyteRecordingOfTinyChunksFoldsIn64Megabytes(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("huge.json");
        long chunks = write(recording);
        assertThat(Files.size(recording)).isGreaterThanOrEqualTo(SIZE);

        Process child = new ProcessBuilder(javaBinary(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeInputTest.class.getName(), recording.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        long contentLength = chunks / 100;
        assertThat(output.lines().toList()).containsExactly(
                "file: chunks=" + (chunks + 1) + " content=" + contentLength + " finish=stop",
                "incremental: chunks=" + (chunks + 1) + " content=" + contentLength + " finish=stop");
    }

    /** Run in the child JVM: folds the file both ways and prints what it got. */
    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        print("file", ChunkAssembler.assemble(path));
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        try (InputStream in = Files.newInputStream(path)) {
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

    /** Writes typed chunks until the file is 300 MB; one in a hundred carries a character. */
    private static long write(Path file) throws IOException {
        String head = "{\"request\": {\"method\": \"POST\", \"url\": \"synthetic\"}, \"response\": {\"body\": [\n";
        String empty = "{\"__type__\": \"openai.types.chat.chat_completion_chunk.ChatCompletionChunk\", \"__data__\": "
                + "{\"id\": \"chatcmpl-huge\", \"choices\": [{\"delta\": {\"content\": \"\", \"role\": null, \"tool_calls\": null}, "
                + "\"finish_reason\": null, \"index\": 0, \"logprobs\": null}], \"created\": 1, \"model\": \"m\", "
                + "\"object\": \"chat.completion.chunk\", \"usage\": null}},\n";
        String letter = empty.replace("\"content\": \"\"", "\"content\": \"x\"");
        String last = empty.replace("\"finish_reason\": null", "\"finish_reason\": \"stop\"").replace("}},\n", "}}\n");
        long written = 0;
        long chunks = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            written += put(out, head);
            byte[] e = empty.getBytes(StandardCharsets.UTF_8);
            byte[] l = letter.getBytes(StandardCharsets.UTF_8);
            while (written < SIZE) {
                byte[] chunk = chunks % 100 == 99 ? l : e;
                out.write(chunk);
                written += chunk.length;
                chunks++;
            }
            put(out, last);
            put(out, "], \"is_streaming\": true}}\n");
        }
        return chunks;
    }

    private static long put(OutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        return bytes.length;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
