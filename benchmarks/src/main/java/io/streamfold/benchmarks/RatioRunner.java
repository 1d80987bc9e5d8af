package io.streamfold.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ratios that survive a machine whose speed drifts by up to 1.8x within minutes: in one JVM, after
 * a warm-up, each round times every contender between two {@code jacksonScan} timings (scan,
 * contender, scan) and keeps contender MB/s / mean(scan MB/s before, after). Raw SSE text is timed
 * against a scan of the same events written as JSON Lines (its twin in {@link Inputs}): the ratio
 * is then of inputs per second, so the cost of the SSE framing shows. The median ratio over
 * the rounds is the figure to quote. Next to it, "best" divides the contender's fastest timing by
 * the fastest {@code jacksonScan} timing of the same rounds: this machine's noise (CPU steal) only
 * ever slows a timing down, so the two fastest are the least disturbed pair. Allocation per input byte is measured around one run of each
 * (after the warm-up) with {@code ThreadMXBean.getThreadAllocatedBytes}. Before timing, the
 * contenders' outputs are compared with streamfold's.
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.RatioRunner [recording...]
 * </pre>
 * Properties: {@code -Dstreamfold.bench.scale} (input size, see {@link Inputs}),
 * {@code -Dratio.rounds=25}, {@code -Dratio.warmup=3} (seconds per contender),
 * {@code -Dratio.min=0.1} (seconds per timing: a timing repeats the operation until it has run
 * that long; short timings keep each scan, contender, scan triple within the same phase of the
 * machine's speed, and many rounds steady the median), {@code -Dratio.only=streamfoldBytes,openaiJava} (a subset of the contenders).
 */
public final class RatioRunner {

    private static final int ROUNDS = Integer.getInteger("ratio.rounds", 25);
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("ratio.warmup", "3"));
    private static final double MIN_SECONDS = Double.parseDouble(System.getProperty("ratio.min", "0.1"));
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Results go here, so the JIT cannot drop the work. */
    static volatile Object sink;

    private RatioRunner() {
    }

    public static void main(String[] args) {
        List<String> recordings = args.length > 0 ? List.of(args) : Inputs.RECORDINGS;
        String only = System.getProperty("ratio.only");
        System.out.printf(Locale.ROOT, "# RatioRunner: %s, %s %s, %d cores, scale %s, %d rounds, %.1f s min per timing%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Inputs.scale(), ROUNDS, MIN_SECONDS);
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (String recording : recordings) {
            Path file = Inputs.path(recording);
            byte[] input = Inputs.bytes(recording);
            // SSE text is timed against a scan of the same events as JSON Lines: what framing costs shows.
            byte[] scanInput = Inputs.scanBytes(recording);
            List<String> contenders = new ArrayList<>();
            for (String name : Contenders.NAMES) {
                if (!name.equals("jacksonScan") && Contenders.applies(name, recording)
                        && (only == null || Arrays.asList(only.split(",")).contains(name))) {
                    contenders.add(name);
                }
            }
            System.out.printf(Locale.ROOT, "%n## %s (%.1f MB, %s)%s%n", recording, input.length / (double) Inputs.MB, file,
                    !Inputs.isSse(recording) ? "" : String.format(Locale.ROOT, ", scan of its JSON Lines twin (%.1f MB)",
                            scanInput.length / (double) Inputs.MB));
            check(contenders, input, scanInput, file);
            warm("jacksonScan", scanInput, file);
            for (String name : contenders) {
                warm(name, input, file);
            }
            Map<String, Double> allocation = new LinkedHashMap<>();
            allocation.put("jacksonScan", allocatedPerByte("jacksonScan", scanInput, file));
            for (String name : contenders) {
                allocation.put(name, allocatedPerByte(name, input, file));
            }
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            Map<String, List<Double>> speeds = new LinkedHashMap<>();
            List<Double> scans = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String name : contenders) {
                    double before = mbps("jacksonScan", scanInput, file);
                    double speed = mbps(name, input, file);
                    double after = mbps("jacksonScan", scanInput, file);
                    scans.add(before);
                    scans.add(after);
                    // Inputs per second over the scan's: the same events, whatever bytes carry them.
                    double scale = (double) scanInput.length / input.length;
                    ratios.computeIfAbsent(name, k -> new ArrayList<>()).add(speed / ((before + after) / 2 * scale));
                    speeds.computeIfAbsent(name, k -> new ArrayList<>()).add(speed);
                }
            }
            System.out.printf(Locale.ROOT, "%-22s %8s %15s %8s %10s %12s%n", "contender", "ratio", "(min-max)", "best",
                    "MB/s", "alloc B/B");
            System.out.printf(Locale.ROOT, "%-22s %8s %15s %8s %10.0f %12.4f%n", "jacksonScan", "1", "", "1",
                    median(scans), allocation.get("jacksonScan"));
            table.computeIfAbsent("jacksonScan", k -> new LinkedHashMap<>()).put(recording,
                    String.format(Locale.ROOT, "%.0f MB/s, %.3f B/B", median(scans), allocation.get("jacksonScan")));
            for (String name : contenders) {
                List<Double> r = ratios.get(name);
                double best = max(speeds.get(name)) / (max(scans) * scanInput.length / input.length);
                System.out.printf(Locale.ROOT, "%-22s %8.3f %15s %8.3f %10.0f %12.4f%n", name, median(r),
                        String.format(Locale.ROOT, "(%.3f-%.3f)", min(r), max(r)), best, median(speeds.get(name)),
                        allocation.get(name));
                table.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(recording,
                        String.format(Locale.ROOT, "%.3f (best %.3f), %.3f B/B", median(r), best, allocation.get(name)));
            }
        }
        System.out.printf("%n## Median ratio to jacksonScan (same JVM, interleaved), best timing over best scan, and bytes allocated per input byte%n%n");
        System.out.println("| contender | " + String.join(" | ", recordings) + " |");
        System.out.println("|---" + "|---".repeat(recordings.size()) + "|");
        for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
            StringBuilder line = new StringBuilder("| " + row.getKey() + " |");
            for (String recording : recordings) {
                line.append(' ').append(row.getValue().getOrDefault(recording, "n/a")).append(" |");
            }
            System.out.println(line);
        }
    }

    /** Compares every contender's output with streamfold's (the scans' token counts with jacksonScan's), once. */
    private static void check(List<String> contenders, byte[] input, byte[] scanInput, Path file) {
        Outputs reference = Outputs.of(Contenders.run("streamfoldBytes", input, file));
        System.out.println("streamfold output: " + reference.describe());
        Object tokens = Contenders.run("jacksonScan", scanInput, file);
        for (String name : contenders) {
            if (name.startsWith("jacksonScan")) {
                Object count = Contenders.run(name, input, file);
                System.out.println("  " + name + (count.equals(tokens) ? ": same token count" : ": DIFFERENT token count"));
                continue;
            }
            Outputs outputs = Outputs.of(Contenders.run(name, input, file));
            System.out.println("  " + name + (outputs.equals(reference) ? ": same output"
                    : ": DIFFERENT output: " + outputs.describe()));
        }
    }

    private static void warm(String name, byte[] input, Path file) {
        long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        int runs = 0;
        while (runs < 3 || System.nanoTime() < end) {
            sink = Contenders.run(name, input, file);
            runs++;
        }
    }

    private static double allocatedPerByte(String name, byte[] input, Path file) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        sink = Contenders.run(name, input, file);
        long after = THREADS.getThreadAllocatedBytes(id);
        return (after - before) / (double) input.length;
    }

    /** MB/s of one timing: the operation repeated until it has run {@code ratio.min} seconds. */
    private static double mbps(String name, byte[] input, Path file) {
        System.gc(); // the previous contender's garbage is not this one's cost
        long start = System.nanoTime();
        long elapsed;
        int runs = 0;
        do {
            sink = Contenders.run(name, input, file);
            runs++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < MIN_SECONDS * 1e9);
        return (double) input.length * runs / Inputs.MB / (elapsed / 1e9);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
