package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.DiffOptions;
import io.streamfold.Format;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamfold diff OLD NEW}: whether two recordings (or two folders of them) show the same behaviour. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "What changed between two recordings, or two folders of them.",
            "",
            "Compares what two recordings say the model did, not their bytes: the provider-neutral view of "
                    + "each response (as --neutral prints it), objects by key, numbers by value, tool-call arguments "
                    + "as JSON, text by words. Ids, created, system_fingerprint and the usage change on every "
                    + "recording and are left out unless asked for.",
            "",
            "OLD and NEW are two files, or two folders whose recordings are paired by their path relative to "
                    + "the folder. Each difference is one line: the JSON pointer into the neutral JSON, what "
                    + "differs, the old value -> the new one.",
            ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:equivalent: every pair shows the same behaviour",
            "1:a pair differs, or a recording is in one folder only",
            "2:bad usage, or a recording could not be read or folded"})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "the old recording, or folder of them")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW", description = "the new recording, or folder of them")
    Path young;

    @Option(names = "--usage", description = "compare the usage counts too")
    boolean usage;

    @Option(names = "--ids", description = "compare ids, created, system_fingerprint and streamed too")
    boolean ids;

    @Option(names = "--ignore", paramLabel = "POINTER",
            description = "also leave out this JSON pointer and what is under it (/model, /tool_calls/0/arguments/date); "
                    + "may be repeated")
    List<String> ignored = new ArrayList<>();

    @Option(names = "--jsonl", description = "one JSON line per difference: {\"old\", \"new\", \"response\", "
            + "\"pointer\", \"what\", \"expected\", \"actual\"}, and per recording found on one side only")
    boolean jsonl;

    @Option(names = "--format", paramLabel = "NAME", converter = FoldCommand.FormatConverter.class,
            description = "read both recordings as this format instead of detecting it")
    Format format;

    @Option(names = "--lenient", description = "compare what was folded up to a fault instead of failing")
    boolean lenient;

    @Option(names = "--jobs", paramLabel = "N", description = "fold on N threads (default: every core, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    private final Io io;
    private final Writer out;

    DiffCommand(Io io, Writer out) {
        this.io = io;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        DiffOptions options = DiffOptions.defaults().withUsage(usage).withIds(ids);
        try {
            options = options.ignoring(ignored.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 or more, not " + jobs);
        }
        boolean folders = Files.isDirectory(old);
        if (folders != Files.isDirectory(young)) {
            throw new ParameterException(spec.commandLine(), "OLD and NEW must be two files or two folders: "
                    + (folders ? old + " is a folder, " + young + " is not" : young + " is a folder, " + old + " is not"));
        }
        AssemblerOptions assembler = AssemblerOptions.defaults().withFormat(format).withLenient(lenient);
        DiffReport report = new DiffReport(out, io.err(), jsonl);
        List<DiffPairs.Pair> pairs = folders ? DiffPairs.of(old, young) : List.of(new DiffPairs.Pair(old, young));
        DiffOptions compared = options;
        OrderedPool.map(pairs, jobs, pair -> pair.fold(assembler, compared), compared2 -> report.add(compared2));
        report.finish();
        return report.status();
    }
}
