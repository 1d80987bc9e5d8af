package io.streamfold.benchmarks;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory check: folds a 1 GB chat recording from its file with {@link ChunkAssembler#assemble(Path)}
 * in whatever heap it is given, and says whether it fit and how long it took. Exit status 0 when
 * it folded, 1 when the heap ran out.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.Inputs chat-text-1gb
 * java -Xmx64m -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.LargeFileCheck [file]
 * </pre>
 * (or {@code benchmarks/run-large-file-check.sh}). Without a file it uses the cached 1 GB input,
 * generating it first if needed (the generator streams, so that fits the small heap too).
 */
public final class LargeFileCheck {

    private LargeFileCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Inputs.path(Inputs.LARGE);
        long size = Files.size(file);
        System.out.printf(Locale.ROOT, "LargeFileCheck: %s (%.1f MB), max heap %d MB, %s %s%n", file,
                size / (double) Inputs.MB, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        long start = System.nanoTime();
        Completion completion;
        try {
            completion = ChunkAssembler.assemble(file);
        } catch (OutOfMemoryError e) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "FAIL: out of memory after %.1f s (%s)%n", seconds, e.getMessage());
            System.exit(1);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String content = completion.message() == null ? null : completion.message().content();
        System.out.printf(Locale.ROOT, "OK: folded %d chunks in %.1f s (%.0f MB/s); content %d chars, finish %s%n",
                completion.chunkCount(), seconds, size / (double) Inputs.MB / seconds,
                content == null ? 0 : content.length(), completion.rawFinishReason());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long collections = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        System.out.printf(Locale.ROOT, "heap: sum of pool peaks %d MB; %d collections, %d ms%n", peak >> 20,
                collections, gcMillis);
    }
}
