package io.streamfold.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The benchmark inputs, generated deterministically ({@code new Random(1234)}) on first use and
 * never committed. They are cached by name and size in {@code -Dstreamfold.bench.dir} (default
 * {@code $TMPDIR/streamfold-bench}), so JMH forks and repeated runs reuse them; a file is written
 * under a temporary name and moved into place whole.
 *
 * <ul>
 *   <li>{@code chat-text-100mb}: one llama-stack recording of a chat stream, content deltas of 1 to 6 chars;
 *   <li>{@code chat-tools-100mb}: one llama-stack recording of four parallel tool calls, arguments in 1 to 8 char fragments;
 *   <li>{@code anthropic-sse}: raw Anthropic Messages SSE text, text deltas then three tool_use blocks;
 *   <li>{@code responses-sse}: raw OpenAI Responses SSE text (60 MB), output_text deltas of 1 to 10
 *       chars, then three function calls of thousands of argument deltas, and response.completed;
 *   <li>each SSE input has a JSON Lines twin of the same events ({@link #twinPath}), what its bare
 *       scan reads;
 *   <li>{@code folder-2000}: 2,000 files aimed at 5 to 50 KB (5 to 75 KB: a tool call's opening and
 *       closing fragments can overshoot), 65 MB in all: chat text and tool recordings, Anthropic recordings
 *       (SSE line strings), raw SSE text of both APIs, and chat JSON Lines;
 *   <li>{@code chat-text-1gb}: a 1 GB chat text recording, only on demand (the 64 MB heap check).
 * </ul>
 *
 * <p>The large inputs are 100 MB (Responses: 60 MB) times {@code -Dstreamfold.bench.scale} (default 1; 0.1 for
 * quick runs); the folder and the 1 GB file do not scale. 1 MB is 1,000,000 bytes throughout.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.streamfold.benchmarks.Inputs [name...]}
 * generates (or finds) the named inputs, all but the 1 GB one by default, and prints their paths.
 */
public final class Inputs {

    public static final String CHAT_TEXT = "chat-text-100mb";
    public static final String CHAT_TOOLS = "chat-tools-100mb";
    public static final String ANTHROPIC_SSE = "anthropic-sse";
    public static final String RESPONSES_SSE = "responses-sse";
    public static final String FOLDER = "folder-2000";
    public static final String LARGE = "chat-text-1gb";
    /** The inputs of the JMH and ratio runs, in order. */
    public static final List<String> RECORDINGS = List.of(CHAT_TEXT, CHAT_TOOLS, ANTHROPIC_SSE, RESPONSES_SSE);

    public static final long MB = 1_000_000L;
    static final long SEED = 1234;
    private static final int FOLDER_FILES = 2000;
    /** Bumped whenever a generator changes what it writes, so stale caches are not reused. */
    private static final String VERSION = "v2";

    private Inputs() {
    }

    public static Path dir() {
        String given = System.getProperty("streamfold.bench.dir");
        return given != null ? Path.of(given) : Path.of(System.getProperty("java.io.tmpdir"), "streamfold-bench");
    }

    public static double scale() {
        return Double.parseDouble(System.getProperty("streamfold.bench.scale", "1"));
    }

    /** The size an input is generated to (about: a stream is closed properly once it is reached). */
    public static long targetBytes(String name) {
        return switch (name) {
            case CHAT_TEXT, CHAT_TOOLS, ANTHROPIC_SSE -> Math.round(100 * MB * scale());
            case RESPONSES_SSE -> Math.round(60 * MB * scale());
            case LARGE -> Long.getLong("streamfold.bench.large.bytes", 1000 * MB);
            case FOLDER -> 0;
            default -> throw new IllegalArgumentException("unknown input " + name + "; known: " + RECORDINGS + ", "
                    + FOLDER + ", " + LARGE);
        };
    }

    /** Where the input's file (or folder) is cached, whether it exists yet or not. */
    public static Path cachedPath(String name) {
        long target = targetBytes(name);
        String ext = isSse(name) ? ".sse" : name.equals(FOLDER) ? "" : ".json";
        return dir().resolve(name + (target > 0 ? "-" + target : "") + "-" + VERSION + ext);
    }

    /** Raw SSE text of typed events: timed against a scan of its JSON Lines twin. */
    public static boolean isSse(String name) {
        return name.equals(ANTHROPIC_SSE) || name.equals(RESPONSES_SSE);
    }

    /** Where the JSON Lines twin of an SSE input is cached: the same events, one a line. */
    public static Path twinPath(String name) {
        Path sse = cachedPath(name);
        return sse.resolveSibling(sse.getFileName().toString().replace(".sse", ".twin.jsonl"));
    }

    /** The bytes a bare scan reads for this input: the input itself, or the JSON Lines twin of SSE text. */
    public static byte[] scanBytes(String name) {
        try {
            path(name);
            return Files.readAllBytes(isSse(name) ? twinPath(name) : cachedPath(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input's file (or folder), generated first if it is not cached yet. */
    public static Path path(String name) {
        long target = targetBytes(name);
        Path path = cachedPath(name);
        if (Files.exists(path) && (!isSse(name) || Files.exists(twinPath(name)))) {
            return path;
        }
        try {
            Files.createDirectories(dir());
            Path tmp = dir().resolve(path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Path twinTmp = isSse(name) ? dir().resolve(twinPath(name).getFileName() + ".tmp-" + ProcessHandle.current().pid()) : null;
            long start = System.nanoTime();
            generate(name, target, tmp, twinTmp);
            try {
                if (twinTmp != null) {
                    Files.move(twinTmp, twinPath(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                delete(tmp); // another process made it meanwhile
            }
            System.err.printf(Locale.ROOT, "streamfold-bench: generated %s in %.1f s%n", path,
                    (System.nanoTime() - start) / 1e9);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input's bytes, as the benchmarks hold them. */
    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generate(String name, long target, Path out, Path twin) throws IOException {
        Random random = new Random(SEED);
        if (name.equals(FOLDER)) {
            generateFolder(random, out);
            return;
        }
        if (twin != null) {
            try (Recorders.Sink sink = new Recorders.Sink(out); Recorders.Sink lines = new Recorders.Sink(twin)) {
                Recorders.Events events = name.equals(ANTHROPIC_SSE) ? new AnthropicStream(random)::next
                        : new ResponsesStream(random)::next;
                Recorders.eventSse(events, target, sink, lines);
            }
            return;
        }
        try (Recorders.Sink sink = new Recorders.Sink(out)) {
            switch (name) {
                case CHAT_TEXT, LARGE -> Recorders.chatRecording(new ChatStream(random, false), target, sink);
                case CHAT_TOOLS -> Recorders.chatRecording(new ChatStream(random, true), target, sink);
                default -> throw new IllegalArgumentException(name);
            }
        }
    }

    /** 2,000 real-sized recordings of every container and both APIs, each aimed at 5 to 50 KB. */
    private static void generateFolder(Random random, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < FOLDER_FILES; i++) {
            long target = 5_000 + random.nextInt(45_001);
            int kind = random.nextInt(100);
            String name = String.format(Locale.ROOT, "%04d-%s", i, kind < 35 ? "chat-text.json"
                    : kind < 55 ? "chat-tools.json" : kind < 70 ? "anthropic-recording.json"
                    : kind < 78 ? "anthropic.sse" : kind < 85 ? "chat.sse" : "chat.jsonl");
            try (Recorders.Sink sink = new Recorders.Sink(folder.resolve(name))) {
                // Real-sized: one or two calls (or tool blocks) whose fragments are up to 16 chars.
                ChatStream text = new ChatStream(random, false);
                ChatStream tools = new ChatStream(random, true, 1 + random.nextInt(2), 16);
                AnthropicStream anthropic = new AnthropicStream(random, random.nextInt(3), 16);
                if (kind < 35) {
                    Recorders.chatRecording(text, target, sink);
                } else if (kind < 55) {
                    Recorders.chatRecording(tools, target, sink);
                } else if (kind < 70) {
                    Recorders.anthropicRecording(anthropic, target, sink);
                } else if (kind < 78) {
                    Recorders.anthropicSse(anthropic, target, sink);
                } else if (kind < 85) {
                    Recorders.chatSse(random.nextBoolean() ? text : tools, target, sink);
                } else {
                    Recorders.chatJsonl(random.nextBoolean() ? text : tools, target, sink);
                }
            }
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> names = args.length > 0 ? List.of(args)
                : List.of(CHAT_TEXT, CHAT_TOOLS, ANTHROPIC_SSE, RESPONSES_SSE, FOLDER);
        for (String name : names) {
            Path path = path(name);
            long size;
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    size = files.mapToLong(p -> p.toFile().length()).sum();
                }
            } else {
                size = Files.size(path);
            }
            System.out.printf(Locale.ROOT, "%-18s %10.1f MB  %s%n", name, size / (double) MB, path);
        }
    }
}
