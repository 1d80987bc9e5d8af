package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The assembler as a {@code Flow.Subscriber<List<ByteBuffer>>}, for reactive clients other than
 * {@code java.net.http}: it folds what the publisher sends, and {@code completion()} completes
 * when the publisher ends, with the result or the error.
 */
@Timeout(30)
class AsSubscriberTest {

    private static final byte[] SSE = SseForms.of(TestRecordings.path("real/chat-parallel-tool-calls--e73b8fbb6fe7.json"));

    /** Publishes the bytes in odd-sized lists of heap and direct buffers, then ends as told. */
    private static void publish(Flow.Subscriber<List<ByteBuffer>> subscriber, byte[] bytes, Throwable endWith) {
        try (SubmissionPublisher<List<ByteBuffer>> publisher = new SubmissionPublisher<>()) {
            publisher.subscribe(subscriber);
            int piece = 0;
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(1 + (piece * 7) % 31, bytes.length - at);
                ByteBuffer buffer = piece % 2 == 0 ? ByteBuffer.wrap(bytes, at, n) : ByteBuffer.allocateDirect(n).put(bytes, at, n).flip();
                publisher.submit(List.of(buffer, ByteBuffer.allocate(0)));
                at += n;
                piece++;
            }
            if (endWith != null) {
                while (publisher.estimateMaximumLag() > 0) {
                    Thread.onSpinWait(); // closeExceptionally drops what is not delivered yet
                }
                publisher.closeExceptionally(endWith);
            }
        }
    }

    @Test
    void completionCompletesWhenThePublisherDoes() throws Exception {
        List<String> arguments = new ArrayList<>();
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.defaults().withListener(
                new AssemblyListener() {
                    @Override
                    public void onToolCallArgumentsDelta(int choice, int index, String delta) {
                        arguments.add(delta);
                    }
                }));
        publish(assembler.asSubscriber(), SSE, null);
        Completion completion = assembler.completion().get(10, TimeUnit.SECONDS);
        assertThat(completion).isEqualTo(ChunkAssembler.assemble(SSE));
        assertThat(completion.message().toolCalls()).hasSizeGreaterThan(1);
        assertThat(arguments).isNotEmpty();
    }

    @Test
    void aFailedPublisherGivesThePrefixInLenientOptions() throws Exception {
        byte[] head = Arrays.copyOf(SSE, SSE.length / 2);
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.defaults().withLenient(true));
        publish(assembler.asSubscriber(), head, new IOException("connection reset"));
        Completion completion = assembler.completion().get(10, TimeUnit.SECONDS);
        assertThat(completion.incomplete()).isTrue();
        assertThat(completion.message().toolCalls()).isNotEmpty();
        Problem last = completion.problems().get(completion.problems().size() - 1);
        assertThat(last.kind()).isEqualTo(Problem.Kind.IO);
        assertThat(last.message()).contains("connection reset").contains(head.length + " bytes");
    }

    @Test
    void aFailedPublisherFailsTheCompletionInStrictOptions() {
        byte[] head = Arrays.copyOf(SSE, SSE.length / 2);
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        IOException reset = new IOException("connection reset");
        publish(assembler.asSubscriber(), head, reset);
        ExecutionException failed = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> assembler.completion().get(10, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(AssemblyException.class);
        AssemblyException located = (AssemblyException) failed.getCause();
        if (located.kind() == Problem.Kind.IO) {
            assertThat(located.getCause()).isSameAs(reset); // cut between chunks: the failure is the cause
        } else {
            assertThat(located.chunk()).isPositive(); // cut inside a chunk: located there
            assertThat(located.getSuppressed()).contains(reset);
        }
    }

    @Test
    void aStrictFaultCancelsTheSubscription() throws Exception {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        Flow.Subscriber<List<ByteBuffer>> subscriber = assembler.asSubscriber();
        AtomicBoolean cancelled = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap("data: {\"choices\": [{\"index\": 0, \"delta\": {\"content\": 42}}]}\n\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(cancelled).isTrue();
        CompletableFuture<Completion> completion = assembler.completion();
        assertThat(completion).isCompletedExceptionally();
        subscriber.onComplete(); // ignored: the completion is decided
        assertThat(completion).isCompletedExceptionally();
    }

    @Test
    void finishCompletesTheCompletionToo() {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feed(SSE);
        Completion completion = assembler.finish();
        assertThat(assembler.completion()).isCompletedWithValue(completion);
    }
}
