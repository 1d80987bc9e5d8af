package io.streamfold.http;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.RecordingWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Body handlers for {@code java.net.http.HttpClient} that fold an LLM stream as it arrives, and
 * may record it: one call gives the completion, and the listener of the options hears every
 * delta live.
 *
 * <pre>{@code
 * HttpResponse<Completion> response = client.send(request,
 *         StreamfoldBodyHandlers.assemblingAndRecording(options, Path.of("weather.sse")));
 * Completion completion = response.body();   // and weather.sse holds the bytes received
 * }</pre>
 *
 * <p><b>Errors.</b> A response with a 4xx or 5xx status is no stream: its body is the provider's
 * error, and the completion is {@code incomplete()}, with no choice, and {@code error()} holds
 * it (OpenAI's, Anthropic's and Gemini's {@code {"error": ...}} bodies, Ollama's, any other JSON
 * object as it is; a body that is no JSON as the {@code message}; a body that names no code gets
 * the status as its {@code code}), whatever the options' strictness. A connection cut mid-stream
 * gives, in lenient options, the folded prefix, {@code incomplete()}, the failure in its
 * {@code problems()}; in strict options {@code send} throws an {@code IOException} whose cause is
 * the located {@link io.streamfold.AssemblyException}. (The client links a body handler's result
 * to the response on a thread of its own: a connection that fails in the first moments, before
 * that link, is the client's own {@code IOException}.) Works for {@code send} and {@code sendAsync}.
 */
public final class StreamfoldBodyHandlers {

    /** The most of an error body kept for {@code error()}; a recording gets all of it. */
    static final int MAX_ERROR_BODY = 1 << 20;

    private StreamfoldBodyHandlers() {
    }

    /**
     * Folds the body with the default (strict) options, detecting its format.
     *
     * @return a body handler giving the completion
     */
    public static HttpResponse.BodyHandler<Completion> assembling() {
        return assembling(AssemblerOptions.defaults());
    }

    /**
     * Folds the body with the given options.
     *
     * @param options the format (or null to detect it), leniency, the listener that hears the
     *     deltas live, and limits
     * @return a body handler giving the completion
     */
    public static HttpResponse.BodyHandler<Completion> assembling(AssemblerOptions options) {
        Objects.requireNonNull(options, "options");
        return info -> subscriber(info, options, null);
    }

    /**
     * Folds the body and writes the exact bytes received to a file, created or replaced, flushed
     * as they arrive and closed when the body ends, also on a cut or an error status. Errors name
     * the file, whose bytes they locate, unless the options name a source.
     *
     * @param options the format, leniency, listener and limits
     * @param file where the bytes go
     * @return a body handler giving the completion
     */
    public static HttpResponse.BodyHandler<Completion> assemblingAndRecording(AssemblerOptions options, Path file) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(file, "file");
        AssemblerOptions named = options.source() == null ? options.withSource(file.toString()) : options;
        return info -> {
            RecordingWriter writer;
            try {
                writer = RecordingWriter.raw(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the recording " + file + ": " + e.getMessage(), e);
            }
            return subscriber(info, named, writer);
        };
    }

    /**
     * Folds the body and feeds its bytes, as they arrive, to a recording writer (llama-stack's
     * recording, say), which is closed when the body ends, also on a cut or an error status.
     * Use the writer for one response only.
     *
     * @param options the format, leniency, listener and limits
     * @param recording where the bytes go
     * @return a body handler giving the completion
     */
    public static HttpResponse.BodyHandler<Completion> assemblingAndRecording(AssemblerOptions options,
            RecordingWriter recording) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(recording, "recording");
        return info -> subscriber(info, options, recording);
    }

    private static HttpResponse.BodySubscriber<Completion> subscriber(HttpResponse.ResponseInfo info,
            AssemblerOptions options, RecordingWriter recording) {
        if (info.statusCode() >= 400) {
            return new ErrorBodySubscriber(info.statusCode(), options, recording);
        }
        return new FoldingBodySubscriber(ChunkAssembler.incremental(options), recording);
    }
}
