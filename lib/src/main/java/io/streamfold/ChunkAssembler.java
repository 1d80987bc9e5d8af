package io.streamfold;

import io.streamfold.internal.capture.Captures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Folds a recorded LLM stream back into the complete response.
 *
 * <pre>{@code
 * Completion completion = ChunkAssembler.assemble(Path.of("recordings/weather.json"));
 * completion.finishReason();                  // TOOL_CALLS, whatever the provider
 * completion.message().toolCall("get_weather").orElseThrow().argumentsAsMap();  // {location=...}
 *
 * ChunkAssembler.assemble(bytes, AssemblerOptions.builder().format(Format.GEMINI).lenient(true).build());
 * }</pre>
 *
 * <p>It reads every format in FORMATS.md (detected from the first chunk, or given) in every
 * container: a llama-stack recording, a bare JSON array of chunks, JSON Lines, or raw SSE text;
 * and inside the files HTTP recorders write: VCR cassettes (YAML needs the optional
 * jackson-dataformat-yaml), HAR archives, WireMock stub mappings and python-genai replay files,
 * gzipped or not. {@link Completion#source()} tells which entry of such a file a response came from.
 * The input is read once, with Jackson's streaming parser, and a file is streamed from disk: a
 * recording of any size folds in memory proportional to its output.
 *
 * <p>Errors are {@link AssemblyException}s that name the file, the chunk and the line:column.
 * With {@link AssemblerOptions#withLenient(boolean) lenient} options, a damaged recording gives
 * what was folded up to the fault instead.
 */
public final class ChunkAssembler {

    private ChunkAssembler() {
    }

    /**
     * Assembles a recording file, detecting its format; errors name the file.
     *
     * @param path the recording
     * @return the completion
     * @throws AssemblyException if the file cannot be read or assembled
     */
    public static Completion assemble(Path path) {
        return assemble(path, AssemblerOptions.defaults());
    }

    /**
     * Assembles a recording file with the given options; the file's path is the source errors
     * name unless the options give one.
     *
     * @param path the recording
     * @param options the format, leniency, source name, listener and limits
     * @return the completion
     * @throws AssemblyException if the file cannot be read or assembled
     */
    public static Completion assemble(Path path, AssemblerOptions options) {
        AssemblerOptions named = options.source() == null ? options.withSource(path.toString()) : options;
        try (InputStream in = Files.newInputStream(path)) {
            return Captures.assemble(in, named, path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "No such file", named.source(), 0, -1, -1, -1, null), e);
        } catch (IOException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the file: " + e.getMessage(),
                    named.source(), 0, -1, -1, -1, null), e);
        }
    }

    /**
     * Assembles a recording from a stream, which is read to its end but not closed.
     *
     * @param in the recording's bytes
     * @return the completion
     * @throws AssemblyException if the stream cannot be read or assembled
     */
    public static Completion assemble(InputStream in) {
        return assemble(in, AssemblerOptions.defaults());
    }

    /**
     * Assembles a recording from a stream with the given options; the stream is read to its end
     * but not closed.
     *
     * @param in the recording's bytes
     * @param options the format, leniency, source name, listener and limits
     * @return the completion
     * @throws AssemblyException if the stream cannot be read or assembled
     */
    public static Completion assemble(InputStream in, AssemblerOptions options) {
        return Captures.assemble(in, options, null);
    }

    /**
     * Assembles a recording held in memory.
     *
     * @param bytes the recording
     * @return the completion
     * @throws AssemblyException if it cannot be assembled
     */
    public static Completion assemble(byte[] bytes) {
        return assemble(bytes, AssemblerOptions.defaults());
    }

    /**
     * Assembles a recording held in memory with the given options.
     *
     * @param bytes the recording
     * @param options the format, leniency, source name, listener and limits
     * @return the completion
     * @throws AssemblyException if it cannot be assembled
     */
    public static Completion assemble(byte[] bytes, AssemblerOptions options) {
        return Captures.assemble(bytes, options, null);
    }

    /**
     * Assembles every response a recording file holds, in order: each LLM interaction of a VCR
     * cassette, each LLM entry of a HAR, each stub of a WireMock mapping file, or the one response
     * of a plain recording. Exchanges that are no LLM response (model lists, embeddings, pages) are
     * passed over; {@link Completion#source()} says where each response came from.
     *
     * @param path the recording
     * @return the completions, in the order the file holds them; empty for a container without LLM responses
     * @throws AssemblyException if the file cannot be read or assembled
     */
    public static List<Completion> assembleAll(Path path) {
        return assembleAll(path, AssemblerOptions.defaults());
    }

    /**
     * Assembles every response a recording file holds, with the given options; the file's path
     * is the source errors name unless the options give one.
     *
     * @param path the recording
     * @param options the format, leniency, source name, listener and limits
     * @return the completions, in order
     * @throws AssemblyException if the file cannot be read or assembled
     */
    public static List<Completion> assembleAll(Path path, AssemblerOptions options) {
        AssemblerOptions named = options.source() == null ? options.withSource(path.toString()) : options;
        try (InputStream in = Files.newInputStream(path)) {
            return Captures.assembleAll(in, named, path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "No such file", named.source(), 0, -1, -1, -1, null), e);
        } catch (IOException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the file: " + e.getMessage(),
                    named.source(), 0, -1, -1, -1, null), e);
        }
    }

    /**
     * Assembles every response a recording holds, from a stream read to its end but not closed.
     *
     * @param in the recording's bytes
     * @return the completions, in order
     * @throws AssemblyException if the stream cannot be read or assembled
     */
    public static List<Completion> assembleAll(InputStream in) {
        return assembleAll(in, AssemblerOptions.defaults());
    }

    /**
     * Assembles every response a recording holds, from a stream, with the given options. A
     * WireMock {@code bodyFileName} cannot be found from a stream: assemble the stub's file.
     *
     * @param in the recording's bytes
     * @param options the format, leniency, source name, listener and limits
     * @return the completions, in order
     * @throws AssemblyException if the stream cannot be read or assembled
     */
    public static List<Completion> assembleAll(InputStream in, AssemblerOptions options) {
        return Captures.assembleAll(in, options, null);
    }

    /**
     * Assembles every response a recording held in memory holds.
     *
     * @param bytes the recording
     * @return the completions, in order
     * @throws AssemblyException if it cannot be assembled
     */
    public static List<Completion> assembleAll(byte[] bytes) {
        return assembleAll(bytes, AssemblerOptions.defaults());
    }

    /**
     * Assembles every response a recording held in memory holds, with the given options.
     *
     * @param bytes the recording
     * @param options the format, leniency, source name, listener and limits
     * @return the completions, in order
     * @throws AssemblyException if it cannot be assembled
     */
    public static List<Completion> assembleAll(byte[] bytes, AssemblerOptions options) {
        return Captures.assembleAll(bytes, options, null);
    }

    /**
     * Starts folding a stream whose bytes will arrive bit by bit; the format is detected.
     *
     * @return an assembler to feed
     */
    public static IncrementalAssembler incremental() {
        return incremental(AssemblerOptions.defaults());
    }

    /**
     * Starts folding a stream whose bytes will arrive bit by bit, with the given options.
     *
     * @param options the format (or null to detect it), leniency, a listener for live events, and limits
     * @return an assembler to feed
     */
    public static IncrementalAssembler incremental(AssemblerOptions options) {
        return new IncrementalAssembler(options);
    }
}
