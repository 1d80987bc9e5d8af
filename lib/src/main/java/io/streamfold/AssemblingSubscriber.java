package io.streamfold;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Feeds a reactive body into an {@link IncrementalAssembler}, one buffer list at a time (asking
 * for the next only when the last is folded, so a slow listener slows the publisher, not memory),
 * and decides what {@link IncrementalAssembler#completion()} gets when the publisher ends.
 */
final class AssemblingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {

    private final IncrementalAssembler assembler;
    private Flow.Subscription subscription;
    private long received;
    /** Set once the completion is decided: later signals are ignored. */
    private boolean done;

    AssemblingSubscriber(IncrementalAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        if (this.subscription != null) {
            subscription.cancel(); // Flow's rule 2.5: one subscription only
            return;
        }
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (done) {
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                assembler.feed(buffer);
            }
        } catch (RuntimeException e) {
            // A strict fault or the listener's exception: nothing more can be folded.
            done = true;
            subscription.cancel();
            assembler.fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        Completion folded;
        try {
            folded = assembler.finishQuietly();
        } catch (RuntimeException e) {
            e.addSuppressed(failure);
            assembler.fail(e); // strict: the stream was cut inside a chunk, and this says where
            return;
        }
        Problem cut = new Problem(Problem.Kind.IO, "The stream failed after " + received + " bytes (" + failure
                + "); what arrived before is folded", assembler.options().source(), 0, -1, -1, received, null);
        if (!assembler.options().lenient()) {
            assembler.fail(new AssemblyException(cut, failure));
            return;
        }
        List<Problem> problems = new ArrayList<>(folded.problems());
        problems.add(cut);
        assembler.complete(new Completion(folded.format(), folded.id(), folded.model(), folded.created(),
                folded.systemFingerprint(), folded.serviceTier(), folded.choices(), folded.usage(), folded.extra(),
                folded.chunkCount(), true, folded.warnings(), problems, folded.streamed()));
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        done = true;
        try {
            assembler.finish();
        } catch (RuntimeException e) {
            // finish() has failed completion() with it already
        }
    }
}
