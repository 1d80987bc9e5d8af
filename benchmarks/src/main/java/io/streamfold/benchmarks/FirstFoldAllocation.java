package io.streamfold.benchmarks;

import com.sun.management.ThreadMXBean;
import io.streamfold.ChunkAssembler;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Bytes allocated per input byte by the first folds of a recording in a fresh JVM. streamfold hands
 * its text buffers from one finished fold to the next, so the first fold of a big text pays for
 * growing its buffer and later ones allocate little more than the folded Strings; RatioRunner and
 * JMH measure the later ones. The first fold here comes after one small fold, so class loading
 * is not counted.
 * <pre>
 * for r in chat-text-100mb chat-tools-100mb anthropic-sse; do
 *     java -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.FirstFoldAllocation $r; done
 * </pre>
 */
public final class FirstFoldAllocation {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int FOLDS = 3;
    private static final byte[] SMALL = ("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n"
            + "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private FirstFoldAllocation() {
    }

    public static void main(String[] args) {
        // One recording a JVM: a fold of another recording before it would leave its buffers in the pool.
        String recording = args.length > 0 ? args[0] : "chat-text-100mb";
        byte[] input = Inputs.bytes(recording);
        ChunkAssembler.assemble(SMALL); // classes loaded; the pool holds only small buffers
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", recording));
        long id = Thread.currentThread().getId();
        for (int fold = 1; fold <= FOLDS; fold++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            RatioRunner.sink = ChunkAssembler.assemble(input);
            long allocated = THREADS.getThreadAllocatedBytes(id) - before;
            line.append(String.format(Locale.ROOT, "  fold %d: %.4f B/B", fold, allocated / (double) input.length));
        }
        System.out.println(line);
    }
}
