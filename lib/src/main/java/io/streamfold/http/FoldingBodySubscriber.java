package io.streamfold.http;

import io.streamfold.Completion;
import io.streamfold.IncrementalAssembler;
import io.streamfold.RecordingWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The assembler's own subscriber, with the bytes teed into a recording first (so a fault in the
 * fold never costs the recording a byte), and the recording closed before the completion is
 * handed out.
 */
final class FoldingBodySubscriber implements HttpResponse.BodySubscriber<Completion> {

    private final Flow.Subscriber<List<ByteBuffer>> folding;
    private final RecordingWriter recording;
    private final CompletionStage<Completion> body;
    /** The recording's fault, reported once the fold ends. */
    private IOException recordingFault;

    FoldingBodySubscriber(IncrementalAssembler assembler, RecordingWriter recording) {
        this.folding = assembler.asSubscriber();
        this.recording = recording;
        if (recording == null) {
            this.body = assembler.completion();
            return;
        }
        CompletableFuture<Completion> recorded = new CompletableFuture<>();
        assembler.completion().whenComplete((completion, error) -> {
            closeRecording();
            if (error != null) {
                recorded.completeExceptionally(error);
            } else if (recordingFault != null) {
                recorded.completeExceptionally(recordingFault);
            } else {
                recorded.complete(completion);
            }
        });
        this.body = recorded;
    }

    @Override
    public CompletionStage<Completion> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        folding.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (recording != null && recordingFault == null) {
            try {
                for (ByteBuffer buffer : buffers) {
                    recording.feed(buffer.duplicate());
                }
            } catch (IOException | RuntimeException e) {
                recordingFault = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        folding.onNext(buffers);
    }

    @Override
    public void onError(Throwable throwable) {
        folding.onError(throwable);
    }

    @Override
    public void onComplete() {
        folding.onComplete();
    }

    private void closeRecording() {
        try {
            recording.close();
        } catch (IOException | RuntimeException e) {
            if (recordingFault == null) {
                recordingFault = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
    }
}
