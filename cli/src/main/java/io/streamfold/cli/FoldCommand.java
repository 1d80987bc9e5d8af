package io.streamfold.cli;

import io.streamfold.AssemblerOptions;
import io.streamfold.Format;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The command itself: folds the recordings the PATHs name and writes them in the chosen output. */
@Command(name = "streamfold", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Folds recorded LLM streams back into complete responses.",
            "",
            "A PATH is a recording file, a folder (walked recursively for .json, .jsonl, .ndjson and .sse files), "
                    + "or - for standard input. Recordings may be llama-stack recordings (typed envelopes, plain chunks "
                    + "or SSE lines), bare JSON arrays of chunks, JSON Lines or raw SSE text, in any of the formats: "
                    + "openai.chat, openai.completion, openai.responses, anthropic.messages, gemini, gemini.interactions, "
                    + "cohere.chat, ollama.chat, ollama.generate, bedrock.converse.",
            "",
            "One file is printed as its response in the format's native non-streaming JSON "
                    + "(chat.completion, message, response, ...), a JSON array when it holds several responses.",
            "",
            "Several files or a folder make a table, one row per response, as wide as the terminal (COLUMNS, "
                    + "else the terminal's width, else 100): file (or the recording's test_id), format, neutral "
                    + "finish reason, tool calls, content; the errors in full under it, then a summary line. "
                    + "A progress bar goes to stderr when it is a terminal and the run is long.",
            "",
            "Files are folded on every core; the output keeps the order of the input.",
            ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every file gave complete responses (or holds no LLM response and was skipped)",
            "1:a file could not be read or folded",
            "2:bad usage",
            "3:none failed, but a response is incomplete: cut off, a provider error, or (with --lenient) "
                    + "faults passed over, as when --format is forced onto another format"},
        footerHeading = "%nAlso:%n",
        footer = {
            "  convert [OPTIONS] FILE   write the folded recording back as a stream (convert --help)",
            "  shell completion:        source <(java -jar streamfold-cli.jar generate-completion)"})
final class FoldCommand implements Callable<Integer> {

    /** The outputs other than the default; one at most. */
    static final class Output {
        @Option(names = "--jsonl", description = {
            "one JSON line per response: {\"path\", \"test_id\"?, \"response\" (0-based), \"responses\" (the count), "
                    + "\"format\", \"completion\": {native JSON}, \"incomplete\"?, \"problems\"?, \"warnings\"?}; "
                    + "{\"path\", \"skipped\": why} for JSON that is no recording or no LLM response; "
                    + "{\"path\", \"error\": {\"message\", \"kind\", \"chunk\", \"line\", \"column\", ...}}"})
        boolean jsonl;

        @Option(names = "--text", description = "the assistant's text only; with several files or responses, "
                + "each after a line ==> NAME <==")
        boolean text;

        @Option(names = "--calls", description = "one JSON line per tool call the application must run: "
                + "{\"path\", \"response\", \"index\", \"id\", \"name\", \"arguments\"}, the arguments parsed")
        boolean calls;

        @Option(names = "--neutral", description = "the provider-neutral JSON of each response (format, model, "
                + "finish_reason, text, reasoning, refusal, tool_calls, usage, error, ...), the same for every format: "
                + "pretty for one file, else JSON Lines as --jsonl with \"neutral\" in place of \"completion\"")
        boolean neutral;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nOutputs (one at most):%n")
    Output output = new Output();

    @Option(names = "--only", paramLabel = "WHAT", converter = OnlyConverter.class,
            description = "show only the failed files, the incomplete responses, or the responses with warnings "
                    + "(failed, incomplete, warnings); the summary and the exit status still count all")
    Only only = Only.ALL;

    @Option(names = "--format", paramLabel = "NAME", converter = FormatConverter.class,
            description = "read every file as this format instead of detecting it")
    Format format;

    @Option(names = "--lenient", description = "on damaged input, output what was folded up to the fault, "
            + "marked incomplete, with the problems (exit status 3, not 1)")
    boolean lenient;

    @Option(names = "--jobs", paramLabel = "N", description = "fold on N threads (default: every core, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--debug", description = "print stack traces with errors")
    boolean debug;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "recording files, folders, or - for standard input")
    List<String> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Io io;
    private final Writer out;

    FoldCommand(Io io, Writer out) {
        this.io = io;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no PATH given");
        }
        if (paths.stream().filter(Input.STDIN::equals).count() > 1) {
            throw new ParameterException(spec.commandLine(), "- (standard input) given twice: it can be read once");
        }
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 or more, not " + jobs);
        }
        List<Input> inputs = Inputs.of(paths, io.in());
        AssemblerOptions options = AssemblerOptions.defaults().withFormat(format).withLenient(lenient);
        boolean single = Inputs.single(paths, inputs);
        int width = Terminal.width(io);
        Report report = report(single, width);
        boolean tableOnTerminal = report instanceof TableReport || !io.stdoutIsTerminal();
        Progress progress = tableOnTerminal ? Progress.of(io, inputs.size(), width) : Progress.of(io, 0, width);
        IOException[] failure = new IOException[1];
        OrderedPool.map(inputs, jobs, input -> Outcome.of(input, options), outcome -> {
            progress.next(outcome.name());
            if (failure[0] != null) {
                return;
            }
            try {
                report.add(outcome);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        progress.done();
        if (failure[0] != null) {
            throw failure[0];
        }
        report.finish(out);
        return report.status();
    }

    private Report report(boolean single, int width) {
        StderrNotes notes = new StderrNotes(io.err(), debug);
        if (output.jsonl) {
            return new JsonlReport(out, false, only);
        }
        if (output.text) {
            return new TextReport(out, !single, notes);
        }
        if (output.calls) {
            return new CallsReport(out, notes);
        }
        if (single && only == Only.ALL) {
            return new PrettyReport(out, output.neutral, notes);
        }
        if (output.neutral) {
            return new JsonlReport(out, true, only);
        }
        return new TableReport(width, only);
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String name) {
            try {
                return Format.of(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OnlyConverter implements ITypeConverter<Only> {
        @Override
        public Only convert(String value) {
            return switch (value) {
                case "failed" -> Only.FAILED;
                case "incomplete" -> Only.INCOMPLETE;
                case "warnings" -> Only.WARNINGS;
                default -> throw new TypeConversionException("'" + value + "' is none of failed, incomplete, warnings");
            };
        }
    }
}
