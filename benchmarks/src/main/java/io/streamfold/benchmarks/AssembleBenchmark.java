package io.streamfold.benchmarks;

import io.streamfold.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every contender over the same bytes of each large recording, in one run (see {@link Contenders}
 * for what each does). One operation folds (or scans) the whole input, so MB/s = ops/s x input MB
 * and bytes allocated per input byte = {@code gc.alloc.rate.norm} / input bytes: {@link Summarize}
 * prints both from JMH's JSON result.
 *
 * <p>A contender that cannot read a recording (openaiJava on Anthropic SSE, anthropicJava on chat
 * recordings) returns {@link #NOT_APPLICABLE} at once; its row is meaningless and Summarize shows n/a.
 *
 * <p>HOW TO RUN (from the repository root; inputs are generated on first use and cached in
 * {@code $TMPDIR/streamfold-bench}, see {@link Inputs}):
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Assemble -f 1 -prof gc -rf json -rff results.json
 * java -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.Summarize results.json
 * </pre>
 * Quick run at a tenth of the size: {@code java -Dstreamfold.bench.scale=0.1 -jar ...} (forks inherit
 * the host's {@code -D} options; a command-line {@code -jvmArgsAppend} would replace the fork's
 * {@code -Xmx4g}), and the same {@code -Dstreamfold.bench.scale=0.1} for Summarize. One recording:
 * {@code -p recording=chat-text-100mb}. The machine's speed drifts by up to 1.8x within minutes:
 * compare rows of one run with care, and quote {@link RatioRunner}'s ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AssembleBenchmark {

    /** What a contender that cannot read the recording returns. */
    public static final String NOT_APPLICABLE = "n/a";

    @Param({Inputs.CHAT_TEXT, Inputs.CHAT_TOOLS, Inputs.ANTHROPIC_SSE})
    public String recording;

    /** Not final, so the JIT cannot fold it as a constant. */
    private byte[] input;
    private Path file;
    private boolean openai;
    private boolean anthropic;

    @Setup(Level.Trial)
    public void load() throws IOException {
        file = Inputs.path(recording);
        input = Files.readAllBytes(file);
        openai = Contenders.applies("openaiJava", recording);
        anthropic = Contenders.applies("anthropicJava", recording);
    }

    @Benchmark
    public long jacksonScan() {
        return Contenders.jacksonScan(input);
    }

    @Benchmark
    public long jacksonScanFile() {
        return Contenders.jacksonScanFile(file);
    }

    @Benchmark
    public Completion streamfoldBytes() {
        return Contenders.streamfoldBytes(input);
    }

    @Benchmark
    public Completion streamfoldFile() {
        return Contenders.streamfoldFile(file);
    }

    @Benchmark
    public Completion streamfoldIncremental() {
        return Contenders.streamfoldIncremental(input);
    }

    @Benchmark
    public Folded databindTree() {
        return Contenders.databindTree(input);
    }

    @Benchmark
    public Object openaiJava() {
        if (!openai) {
            return NOT_APPLICABLE;
        }
        return Contenders.openaiJava(input);
    }

    @Benchmark
    public Object anthropicJava() {
        if (!anthropic) {
            return NOT_APPLICABLE;
        }
        return Contenders.anthropicJava(input);
    }
}
