package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.Completion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command-line tool: assembles recording files and folders (see {@link Options#USAGE}), or
 * writes one back as a stream ({@code convert}, see {@link Convert#USAGE}).
 * Exit status 0 when every file was assembled or skipped, 1 when any failed, 2 for bad usage.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the options and paths; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit status. */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        if (args.length > 0 && args[0].equals("convert")) {
            return Convert.run(java.util.Arrays.copyOfRange(args, 1, args.length), stdout, stderr);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            stderr.println("streamfold: " + e.getMessage());
            stderr.println("Try --help for usage.");
            return 2;
        }
        if (options.help()) {
            stdout.println(Options.USAGE);
            return 0;
        }
        Writer out = new LoneSurrogateEscapes(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        try {
            int status = run(options, out, stderr);
            out.flush();
            return status;
        } catch (IOException e) {
            stderr.println("streamfold: " + e.getMessage());
            return 1;
        }
    }

    private static int run(Options options, Writer out, PrintStream stderr) throws IOException {
        List<Path> files = RecordingFiles.find(options.paths());
        AssemblerOptions assembler = AssemblerOptions.defaults().withFormat(options.format()).withLenient(options.lenient());
        boolean single = files.size() == 1 && options.paths().size() == 1 && !Files.isDirectory(Path.of(options.paths().get(0)));
        if (single && !options.jsonl()) {
            return single(files.get(0), assembler, options, out, stderr);
        }
        boolean failed = false;
        JsonlReport jsonl = options.jsonl() ? new JsonlReport(out) : null;
        TableReport table = options.jsonl() ? null : new TableReport();
        Progress progress = Progress.onTerminal(stderr, files.size());
        for (Path file : files) {
            progress.next(file);
            for (Outcome outcome : Outcome.all(file, assembler)) {
                failed |= outcome.failed();
                if (outcome.failed() && options.debug()) {
                    outcome.error().printStackTrace(stderr);
                }
                if (jsonl != null) {
                    jsonl.write(file.toString(), outcome);
                } else {
                    table.add(file.toString(), outcome);
                }
            }
        }
        progress.done();
        if (table != null) {
            table.write(out);
        }
        return failed ? 1 : 0;
    }

    private static int single(Path file, AssemblerOptions assembler, Options options, Writer out, PrintStream stderr)
            throws IOException {
        List<Outcome> outcomes = Outcome.all(file, assembler);
        if (outcomes.size() > 1) {
            // a container of several responses: a JSON array of them
            out.write("[\n");
            for (int i = 0; i < outcomes.size(); i++) {
                out.write(outcomes.get(i).completion().toPrettyJson());
                out.write(i + 1 < outcomes.size() ? ",\n" : "\n");
            }
            out.write("]\n");
            return 0;
        }
        Outcome outcome = outcomes.get(0);
        if (outcome.skipped() != null) {
            stderr.println(file + ": skipped: " + outcome.skipped());
            return 0;
        }
        if (outcome.failed()) {
            AssemblyException e = outcome.error();
            stderr.println("streamfold: " + e.getMessage());
            if (options.debug()) {
                e.printStackTrace(stderr);
            }
            return 1;
        }
        Completion c = outcome.completion();
        out.write(c.toPrettyJson());
        out.write('\n');
        c.warnings().forEach(w -> stderr.println(file + ": warning: " + w));
        c.problems().forEach(p -> stderr.println(file + ": problem: " + p));
        return 0;
    }
}
