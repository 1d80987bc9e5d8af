package io.streamfold.cli;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a function to every item on a bounded pool of threads and hands the results on in the
 * items' order, as soon as each one's predecessors are done: the output is the same whatever the
 * number of threads, and at most a few results per thread wait in memory.
 */
final class OrderedPool {

    /** Results a thread may run ahead of the one the output waits for. */
    private static final int AHEAD_PER_THREAD = 4;

    private OrderedPool() {
    }

    static <T, R> void map(List<T> items, int threads, Function<T, R> work, Consumer<R> sink) {
        if (threads <= 1 || items.size() <= 1) {
            items.forEach(item -> sink.accept(work.apply(item)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), runnable -> {
            Thread thread = new Thread(runnable, "streamfold-fold");
            thread.setDaemon(true); // never keeps the JVM alive after a failure on the main thread
            return thread;
        });
        try {
            ArrayDeque<Future<R>> pending = new ArrayDeque<>();
            Iterator<T> next = items.iterator();
            int window = threads * AHEAD_PER_THREAD;
            while (next.hasNext() || !pending.isEmpty()) {
                while (next.hasNext() && pending.size() < window) {
                    T item = next.next();
                    pending.add(pool.submit(() -> work.apply(item)));
                }
                sink.accept(await(pending.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while folding", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
