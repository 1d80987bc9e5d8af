package io.streamfold.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result of {@link AssembleBenchmark} into MB/s of input and bytes allocated per
 * input byte, as a Markdown table:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.Summarize results.json [more.json...]
 * </pre>
 * MB/s = ops/s x input MB (one op folds the whole input; 1 MB = 10^6 bytes). Allocation per byte =
 * {@code gc.alloc.rate.norm} (bytes per op, from {@code -prof gc}) / input bytes. The "vs scan"
 * column divides by jacksonScan's row of the same run: rows run minutes apart on a machine whose
 * speed drifts, so prefer {@link RatioRunner}'s ratios. Input sizes are read from the cached inputs:
 * give the same {@code -Dstreamfold.bench.scale} and {@code -Dstreamfold.bench.dir} as the run.
 */
public final class Summarize {

    private Summarize() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("Usage: Summarize results.json... (from -rf json -rff results.json)");
            System.exit(2);
        }
        List<JsonNode> results = new ArrayList<>();
        for (String arg : args) {
            new ObjectMapper().readTree(Path.of(arg).toFile()).forEach(results::add);
        }
        Map<String, Double> scan = new HashMap<>();
        for (JsonNode result : results) {
            if (name(result).equals("jacksonScan")) {
                scan.put(result.path("params").path("recording").asText(), mbps(result));
            }
        }
        System.out.println("| recording | contender | MB/s | ± (99.9%) | vs scan | alloc B/B |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        List<JsonNode> rows = new ArrayList<>(results);
        rows.sort(Comparator.comparing((JsonNode r) -> order(Inputs.RECORDINGS, r.path("params").path("recording").asText()))
                .thenComparing(r -> order(Contenders.NAMES, name(r))));
        for (JsonNode result : rows) {
            String recording = result.path("params").path("recording").asText();
            String contender = name(result);
            if (!Contenders.applies(contender, recording)) {
                System.out.printf("| %s | %s | n/a | | | |%n", recording, contender);
                continue;
            }
            double mbps = mbps(result);
            double error = result.path("primaryMetric").path("scoreError").asDouble(Double.NaN) * inputMb(recording);
            Double norm = allocNorm(result);
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %s | %s | %s |%n", recording, contender, mbps,
                    Double.isNaN(error) ? "" : String.format(Locale.ROOT, "%.0f", error),
                    scan.containsKey(recording) ? String.format(Locale.ROOT, "%.3f", mbps / scan.get(recording)) : "",
                    norm == null ? "(no -prof gc)" : String.format(Locale.ROOT, "%.4f", norm / inputBytes(recording)));
        }
    }

    private static int order(List<String> names, String name) {
        int i = names.indexOf(name);
        return i < 0 ? names.size() : i;
    }

    private static String name(JsonNode result) {
        String benchmark = result.path("benchmark").asText();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static double mbps(JsonNode result) {
        JsonNode metric = result.path("primaryMetric");
        if (!metric.path("scoreUnit").asText().equals("ops/s")) {
            throw new IllegalArgumentException("expected ops/s (Mode.Throughput) but found " + metric.path("scoreUnit"));
        }
        return metric.path("score").asDouble() * inputMb(result.path("params").path("recording").asText());
    }

    /** {@code gc.alloc.rate.norm} in bytes per op; JMH has spelled it with and without a leading dot. */
    private static Double allocNorm(JsonNode result) {
        for (Map.Entry<String, JsonNode> metric : result.path("secondaryMetrics").properties()) {
            if (metric.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                return metric.getValue().path("score").asDouble();
            }
        }
        return null;
    }

    private static double inputMb(String recording) {
        return inputBytes(recording) / (double) Inputs.MB;
    }

    private static long inputBytes(String recording) {
        Path file = Inputs.cachedPath(recording);
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("no cached input " + file + ": give Summarize the same "
                    + "-Dstreamfold.bench.scale and -Dstreamfold.bench.dir as the JMH run", e);
        }
    }
}
