package io.streamfold.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.RecordingWriter;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.parsing.Parsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The body of a 4xx or 5xx response: the provider's error, not a stream. It is read whole (up to
 * {@link StreamfoldBodyHandlers#MAX_ERROR_BODY}; a recording gets every byte), then read as the
 * assembler reads an error chunk, so {@code error()} is what it would be had the error come
 * inside a stream; a body the assembler sees no error in is kept as it is.
 */
final class ErrorBodySubscriber implements HttpResponse.BodySubscriber<Completion> {

    private final int status;
    private final AssemblerOptions options;
    private final RecordingWriter recording;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<Completion> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private IOException recordingFault;

    ErrorBodySubscriber(int status, AssemblerOptions options, RecordingWriter recording) {
        this.status = status;
        this.options = options;
        this.recording = recording;
    }

    @Override
    public CompletionStage<Completion> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (recording != null && recordingFault == null) {
                try {
                    recording.feed(buffer.duplicate());
                } catch (IOException | RuntimeException e) {
                    recordingFault = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
            int keep = Math.min(buffer.remaining(), StreamfoldBodyHandlers.MAX_ERROR_BODY - body.size());
            if (keep > 0) {
                byte[] bytes = new byte[keep];
                buffer.get(bytes);
                body.write(bytes, 0, keep);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        end(); // what arrived of the error body is still the error
    }

    @Override
    public void onComplete() {
        end();
    }

    private void end() {
        if (recording != null) {
            try {
                recording.close();
            } catch (IOException e) {
                recordingFault = recordingFault == null ? e : recordingFault;
            }
        }
        if (recordingFault != null) {
            result.completeExceptionally(recordingFault);
            return;
        }
        try {
            Completion completion = errorCompletion(body.toByteArray());
            if (options.listener() != null) {
                options.listener().onFinished(completion);
            }
            result.complete(completion);
        } catch (RuntimeException e) {
            result.completeExceptionally(e); // the listener's
        }
    }

    private Completion errorCompletion(byte[] bytes) {
        Object error = null;
        try {
            Completion read = ChunkAssembler.assemble(bytes, options.withLenient(true).withListener(null));
            error = read.extra().get("error");
        } catch (AssemblyException e) {
            // no chunk: JSON that is no error chunk, read as it is below
        }
        if (error == null) {
            error = plainError(bytes);
        }
        return new Completion(null, null, null, null, null, null, List.of(), null, Map.of("error", error), 0, true,
                List.of(), List.of(), false);
    }

    /** The body as an error object: a JSON object as it is, anything else as its message; the status as code. */
    private Map<String, Object> plainError(byte[] bytes) {
        Map<String, Object> error = new LinkedHashMap<>();
        try (JsonParser p = Parsers.factory(options).createParser(bytes)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                Object value = JsonValues.read(p);
                if (p.nextToken() == null && value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> error.put((String) k, v));
                }
            }
        } catch (IOException e) {
            error.clear(); // not JSON
        }
        if (error.isEmpty()) {
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            error.put("message", text.isEmpty() ? "HTTP " + status : text);
        }
        if (!error.containsKey("code") && !error.containsKey("status")) {
            error.put("code", String.valueOf(status));
        }
        return error;
    }
}
