package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Text buffers pass from a finished assembly to the next: whatever reuses them, no completion may
 * change or see another's text.
 */
class BufferReuseTest {

    /** A chat stream whose content is {@code count} deltas of growing text, with a tool call beside it. */
    private static String stream(String tag, int count) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            jsonl.append("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(tag).append(i).append(" é€ \"")
                    .append(i == 0 ? ",\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]"
                            : ",\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\" \"}}]")
                    .append("}}]}\n");
        }
        jsonl.append("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n");
        return jsonl.toString();
    }

    private static String expectedContent(String tag, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(tag).append(i).append(" é€ ");
        }
        return text.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFinishedIncrementalCompletionKeepsItsTextWhileLaterAssembliesReuseItsBuffers() {
        IncrementalAssembler first = ChunkAssembler.incremental().feed(utf8(stream("a", 3_000)));
        Completion finished = first.finish();

        for (int round = 0; round < 3; round++) {
            Completion other = ChunkAssembler.assemble(utf8(stream("b", 3_000 + round)));
            assertThat(other.message().content()).isEqualTo(expectedContent("b", 3_000 + round));
        }

        assertThat(finished.message().content()).isEqualTo(expectedContent("a", 3_000));
        assertThat(first.snapshot()).isEqualTo(finished);
        assertThat(first.snapshot().message().toolCalls().get(0).arguments()).isEqualTo(" ".repeat(2_999));
    }

    @Test
    void textLongerThanAnyKeptBufferFoldsWholeEveryTime() {
        // 1.3 million chars: past the biggest buffer the pool keeps, so growth runs each time.
        String expected = expectedContent("long", 100_000);
        byte[] bytes = utf8(stream("long", 100_000));

        for (int round = 0; round < 2; round++) {
            assertThat(ChunkAssembler.assemble(bytes).message().content()).isEqualTo(expected);
        }
    }

    @Test
    void concurrentAssembliesOfEveryBundledRecordingMatchOneAtATime() throws Exception {
        List<Path> files = TestRecordings.all(".");
        List<Completion> alone = new ArrayList<>();
        for (Path file : files) {
            alone.add(assembleOrNull(file));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Completion>>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                runs.add(pool.submit(() -> {
                    List<Completion> together = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        together.clear();
                        for (Path file : files) {
                            together.add(assembleOrNull(file));
                        }
                    }
                    return together;
                }));
            }
            for (Future<List<Completion>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone).filteredOn(c -> c != null).hasSizeGreaterThan(40);
    }

    /** Some bundled recordings are bad input on purpose: those compare as null. */
    private static Completion assembleOrNull(Path file) {
        try {
            return ChunkAssembler.assemble(file);
        } catch (AssemblyException e) {
            return null;
        }
    }
}
