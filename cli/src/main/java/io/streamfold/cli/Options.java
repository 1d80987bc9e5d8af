package io.streamfold.cli;

import io.streamfold.Format;
import java.util.ArrayList;
import java.util.List;

/** The command line, parsed. */
record Options(boolean jsonl, boolean lenient, boolean debug, boolean help, Format format, List<String> paths) {

    /** Thrown for bad usage; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) throws UsageException {
        boolean jsonl = false;
        boolean lenient = false;
        boolean debug = false;
        boolean help = false;
        Format format = null;
        List<String> paths = new ArrayList<>();
        boolean onlyPaths = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyPaths || !arg.startsWith("-") || arg.equals("-")) {
                paths.add(arg);
                continue;
            }
            switch (arg) {
                case "--jsonl":
                    jsonl = true;
                    break;
                case "--lenient":
                    lenient = true;
                    break;
                case "--debug":
                    debug = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                case "--":
                    onlyPaths = true;
                    break;
                case "--format":
                    if (i + 1 >= args.length) {
                        throw new UsageException("--format needs a format name");
                    }
                    format = format(args[++i]);
                    break;
                default:
                    if (arg.startsWith("--format=")) {
                        format = format(arg.substring("--format=".length()));
                        break;
                    }
                    throw new UsageException("unknown option " + arg);
            }
        }
        if (!help && paths.isEmpty()) {
            throw new UsageException("no PATH given");
        }
        return new Options(jsonl, lenient, debug, help, format, List.copyOf(paths));
    }

    private static Format format(String name) throws UsageException {
        try {
            return Format.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static final String USAGE = String.join("\n",
            "Usage: java -jar streamfold-cli.jar [OPTIONS] PATH...",
            "       java -jar streamfold-cli.jar convert --to FORMAT --container KIND [--profile NAME] FILE",
            "",
            "Folds recorded LLM streams back into complete responses.",
            "",
            "A PATH is a recording file or a folder, walked recursively for .json, .jsonl,",
            ".ndjson and .sse files. Recordings may be llama-stack recordings (typed envelopes,",
            "plain chunks or SSE lines), bare JSON arrays of chunks, JSON Lines or raw SSE text,",
            "in any of the formats: openai.chat, openai.completion, openai.responses,",
            "anthropic.messages, gemini, gemini.interactions, cohere.chat, ollama.chat,",
            "ollama.generate, bedrock.converse.",
            "",
            "Output:",
            "  one file      its assembled response, pretty-printed in the format's native",
            "                non-streaming JSON (chat.completion, message, response, ...)",
            "  several files a table: file, format, chunks, finish reason, tool calls, content;",
            "                with a progress line on stderr when stderr is a terminal",
            "  --jsonl       one JSON line per file, in input order:",
            "                  {\"path\": P, \"format\": F, \"completion\": {...}}",
            "                  {\"path\": P, \"skipped\": \"why\"}   JSON that is no recording, no LLM response",
            "                  {\"path\": P, \"error\": {\"message\": M, \"chunk\": N, \"line\": L, \"column\": C}}",
            "                P is the path as given, or as found under the given folder;",
            "                \"warnings\" lists what was noticed or repaired, when anything was",
            "",
            "Options:",
            "  --format NAME  read every file as this format instead of detecting it",
            "  --lenient      on damaged input, output what was folded up to the fault,",
            "                 with \"incomplete\": true and the \"problems\" (no error)",
            "  --debug        print stack traces with errors",
            "  -h, --help     show this help",
            "",
            "convert writes the folded recording back as a stream; convert --help has its options.",
            "",
            "Exit status: 0 when every file was assembled or skipped, 1 when any file failed,",
            "2 for bad usage.");
}
