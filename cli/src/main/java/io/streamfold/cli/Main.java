package io.streamfold.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The command-line tool: folds recording files and folders, compares two recordings
 * ({@code diff}), and writes one back as a stream ({@code convert}). {@code --help} tells the
 * options, the outputs and the exit status.
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
        System.exit(run(args, Io.system()));
    }

    /** Runs the tool with no standard input and an empty environment; returns the exit status. */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        return run(args, Io.of(stdout, stderr));
    }

    /** Runs the tool; returns the exit status. */
    static int run(String[] args, Io io) {
        if (args.length > 0 && args[0].equals("convert")) {
            // convert parses its own options (see Convert.USAGE)
            return Convert.run(Arrays.copyOfRange(args, 1, args.length), io.out(), io.err());
        }
        Writer out = new LoneSurrogateEscapes(new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8)));
        CommandLine line = commandLine(io, out);
        int status = line.execute(args);
        try {
            out.flush();
        } catch (IOException e) {
            io.err().println("streamfold: " + e.getMessage());
            return Tally.FAILED;
        }
        return status;
    }

    static CommandLine commandLine(Io io, Writer out) {
        CommandLine line = new CommandLine(new FoldCommand(io, out));
        line.addSubcommand("diff", new DiffCommand(io, out));
        line.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        PrintWriter help = new PrintWriter(out, true);
        line.setOut(help);
        line.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        line.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("streamfold: " + e.getMessage());
            err.println("Try --help for usage.");
            err.flush();
            return Tally.USAGE;
        });
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            err.println("streamfold: " + e.getMessage());
            if (e instanceof RuntimeException && !(e instanceof java.io.UncheckedIOException)) {
                e.printStackTrace(err); // a bug of ours: the trace helps its report
            }
            err.flush();
            return Tally.FAILED;
        });
        return line;
    }
}
