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
 * gzipped or not, where each LLM exchange gives its responses and the others are passed over.
 * {@link Completion#source()} tells which file, container and entry a response came from.
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
        return fromFile(path, options, Captures::assemble);
    }

    /**
     * Assembles every response a recording file holds, in order: an agent loop recorded in one
     * file holds one per model call. A new response begins where its format says (a
     * {@code message_start}, {@code response.created}, ...; docs/FORMATS.md lists each rule). In
     * a VCR cassette, a HAR, WireMock mappings or a replay file, each LLM exchange gives its
     * responses, in the container's order; model lists, embeddings and pages are passed over.
     *
     * @param path the recording
     * @return the responses: at least one for a recording (an empty stream is one truncated
     *     response); none for a container that holds no LLM exchange
     * @throws AssemblyException if the file cannot be read or assembled
     */
    public static List<Completion> assembleAll(Path path) {
        return assembleAll(path, AssemblerOptions.defaults());
    }

    /**
     * Assembles every response a recording file holds, in order, with the given options. The
     * listener hears each response end ({@link AssemblyListener#onResponseFinished}).
     *
     * @param path the recording
     * @param options the format, leniency, source name, listener and limits
     * @return the responses: at least one, but none for a container (a cassette, a HAR) that holds no LLM response
     * @throws AssemblyException if the file cannot be read or assembled
     */
    public static List<Completion> assembleAll(Path path, AssemblerOptions options) {
        return fromFile(path, options, Captures::assembleAll);
    }

    /**
     * Assembles every response a stream holds, in order; the stream is read to its end but not closed.
     *
     * @param in the recording's bytes
     * @return the responses: at least one, but none for a container (a cassette, a HAR) that holds no LLM response
     * @throws AssemblyException if the stream cannot be read or assembled
     */
    public static List<Completion> assembleAll(InputStream in) {
        return assembleAll(in, AssemblerOptions.defaults());
    }

    /**
     * Assembles every response a stream holds, in order, with the given options; the stream is
     * read to its end but not closed.
     *
     * @param in the recording's bytes
     * @param options the format, leniency, source name, listener and limits
     * @return the responses: at least one, but none for a container (a cassette, a HAR) that holds no LLM response
     * @throws AssemblyException if the stream cannot be read or assembled
     */
    public static List<Completion> assembleAll(InputStream in, AssemblerOptions options) {
        return Captures.assembleAll(in, options, null);
    }

    /**
     * Assembles every response a recording held in memory holds, in order.
     *
     * @param bytes the recording
     * @return the responses: at least one, but none for a container (a cassette, a HAR) that holds no LLM response
     * @throws AssemblyException if it cannot be assembled
     */
    public static List<Completion> assembleAll(byte[] bytes) {
        return assembleAll(bytes, AssemblerOptions.defaults());
    }

    /**
     * Assembles every response a recording held in memory holds, in order, with the given options.
     *
     * @param bytes the recording
     * @param options the format, leniency, source name, listener and limits
     * @return the responses: at least one, but none for a container (a cassette, a HAR) that holds no LLM response
     * @throws AssemblyException if it cannot be assembled
     */
    public static List<Completion> assembleAll(byte[] bytes, AssemblerOptions options) {
        return Captures.assembleAll(bytes, options, null);
    }

    private interface StreamReader<T> {
        T read(InputStream in, AssemblerOptions options, Path file);
    }

    private static <T> T fromFile(Path path, AssemblerOptions options, StreamReader<T> reader) {
        AssemblerOptions named = options.source() == null ? options.withSource(path.toString()) : options;
        try (InputStream in = Files.newInputStream(path)) {
            return reader.read(in, named, path); // the path finds a WireMock stub's __files
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
