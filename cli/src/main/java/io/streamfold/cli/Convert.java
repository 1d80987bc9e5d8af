package io.streamfold.cli;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import io.streamfold.StreamWriter.Chunking;
import io.streamfold.StreamWriter.Container;
import io.streamfold.StreamWriter.Profile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code streamfold convert}: folds a recording and writes it back as a stream in another format,
 * container, chunking and quirk profile (see {@link #USAGE}).
 */
final class Convert {

    static final String USAGE = String.join("\n",
            "Usage: java -jar streamfold-cli.jar convert [--to FORMAT] [--container KIND] [--profile NAME]...",
            "                                       [--chunking POLICY] [--cut-at BYTES] FILE",
            "",
            "Folds the recording FILE and writes it to stdout as a stream again.",
            "",
            "  --to FORMAT        the format to write (default: the recording's own): "
                    + Arrays.stream(Format.values()).map(Format::wireName).collect(Collectors.joining(", ")),
            "  --container KIND   sse (default), jsonl, array, llama-stack",
            "  --profile NAME     an OpenAI chat server's quirks (needs --to openai.chat), repeatable: "
                    + Arrays.stream(Profile.values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .collect(Collectors.joining(", ")),
            "  --chunking POLICY  fixed:N (default fixed:4), range:MIN-MAX[:SEED], token",
            "  --cut-at BYTES     stop the stream after this many bytes, as a dropped connection does",
            "",
            "Exit status: 0 when written, 1 when the recording could not be folded, 2 for bad usage.");

    private Convert() {
    }

    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        StreamWriter.Builder writer = StreamWriter.builder();
        String file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        stdout.println(USAGE);
                        return 0;
                    }
                    case "--to" -> writer.format(Format.of(value(args, ++i, arg)));
                    case "--container" -> writer.container(container(value(args, ++i, arg)));
                    case "--profile" -> writer.profile(profile(value(args, ++i, arg)));
                    case "--chunking" -> writer.chunking(chunking(value(args, ++i, arg)));
                    case "--cut-at" -> writer.cutAt(Long.parseLong(value(args, ++i, arg)));
                    default -> {
                        if (arg.startsWith("-") || file != null) {
                            throw new IllegalArgumentException(file != null ? "one FILE only, but got " + file + " and " + arg
                                    : "unknown option " + arg);
                        }
                        file = arg;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no FILE given");
            }
            StreamWriter built = writer.build();
            Completion completion = ChunkAssembler.assemble(Path.of(file));
            built.write(completion, stdout);
            stdout.flush();
            return 0;
        } catch (AssemblyException e) {
            stderr.println("streamfold: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            stderr.println("streamfold convert: " + e.getMessage());
            stderr.println("Try convert --help for usage.");
            return 2;
        } catch (IOException e) {
            stderr.println("streamfold: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Container container(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sse" -> Container.SSE;
            case "jsonl", "ndjson", "json-lines" -> Container.JSON_LINES;
            case "array" -> Container.ARRAY;
            case "llama-stack", "llamastack" -> Container.LLAMA_STACK;
            default -> throw new IllegalArgumentException("unknown container '" + name + "': expected sse, jsonl, array or llama-stack");
        };
    }

    private static Profile profile(String name) {
        try {
            return Profile.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + name + "': expected one of "
                    + Arrays.stream(Profile.values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .collect(Collectors.joining(", ")));
        }
    }

    /** {@code fixed:N}, {@code range:MIN-MAX[:SEED]} or {@code token}. */
    private static Chunking chunking(String policy) {
        String[] parts = policy.split(":");
        try {
            switch (parts[0]) {
                case "token":
                    return Chunking.perToken();
                case "fixed":
                    return Chunking.fixed(Integer.parseInt(parts[1]));
                case "range":
                    String[] bounds = parts[1].split("-");
                    return Chunking.range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]),
                            parts.length > 2 ? Long.parseLong(parts[2]) : 0);
                default:
                    break;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("unknown chunking '" + policy + "': expected fixed:N, range:MIN-MAX[:SEED] or token");
    }
}
