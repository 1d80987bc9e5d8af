package io.streamfold.assertj;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 (a free port) that plays recorded streams back the way their
 * providers sent them, so that a client under test (an {@code HttpClient}, OkHttp, WebClient, an
 * SDK with its base URL changed) reads a real stream, with its quirks and faults.
 *
 * <pre>{@code
 * try (StreamReplayServer server = StreamReplayServer.start(
 *         Reply.of(Path.of("recordings/weather.sse")).onPath("/v1/chat/completions"),
 *         Reply.of(completion, writer).withFault(Reply.Fault.status(429)))) {
 *     HttpResponse<InputStream> r = client.send(post(server.uri().resolve("/v1/chat/completions")), ofInputStream());
 *     Completion c = ChunkAssembler.assemble(r.body());
 *     assertThat(server.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Each request takes the first waiting reply that matches it (its path and body test, see
 * {@link Reply}); replies are served once, in order. A request no reply matches gets a 404 whose
 * body says why. Every request is kept ({@link #requests()}). Replies run on threads of their
 * own: a stalled one does not hold the others up.
 */
public final class StreamReplayServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Reply> waiting = new ArrayList<>();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

    private StreamReplayServer(List<Reply> replies) {
        waiting.addAll(replies);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a server socket on 127.0.0.1: " + e.getMessage(), e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stream-replay");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server with these replies waiting, in order.
     *
     * @param replies the replies
     * @return the running server; close it when done
     */
    public static StreamReplayServer start(Reply... replies) {
        return new StreamReplayServer(Arrays.asList(replies));
    }

    /**
     * Starts a server with these replies waiting, in order.
     *
     * @param replies the replies
     * @return the running server; close it when done
     */
    public static StreamReplayServer start(List<Reply> replies) {
        return new StreamReplayServer(replies);
    }

    /**
     * Adds replies after those waiting.
     *
     * @param replies the replies
     * @return this server
     */
    public StreamReplayServer enqueue(Reply... replies) {
        synchronized (waiting) {
            waiting.addAll(Arrays.asList(replies));
        }
        return this;
    }

    /** {@return the server's base URI, {@code http://127.0.0.1:<port>/}} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** {@return the port the server listens on} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@return every request received so far, in order; a snapshot} */
    public List<ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    /** {@return how many replies are still waiting for a request} */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Stops the server at once, dropping the connections still open. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            received.add(new ReceivedRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body));
            Reply reply = take(uri.getPath(), body);
            if (reply == null) {
                byte[] error = ("{\"error\":{\"message\":\"StreamReplayServer: no reply waiting for " + exchange.getRequestMethod()
                        + " " + uri.getPath() + " (" + waiting() + " waiting for other requests)\",\"type\":\"no_reply\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.sendResponseHeaders(404, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            ReplayPlayer.play(reply, exchange);
        } catch (IOException e) {
            // the client went away, or the reply's fault dropped the connection: nothing to answer
        }
    }

    private Reply take(String path, String body) {
        synchronized (waiting) {
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).matches(path, body)) {
                    return waiting.remove(i);
                }
            }
            return null;
        }
    }
}
