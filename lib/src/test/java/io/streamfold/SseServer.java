package io.streamfold;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider on 127.0.0.1 (a free port): serves a body in small odd-sized pieces, each flushed, so
 * the client reads it as a live stream would arrive; optionally slowly, cut short, or with an
 * error status.
 */
final class SseServer implements AutoCloseable {

    /** How one response is served. */
    record Reply(int status, String contentType, byte[] body, int maxPiece, long seed, int cutAt, long pauseMillis,
            CountDownLatch holdAtHalf) {

        static Reply stream(String contentType, byte[] body) {
            return new Reply(200, contentType, body, 23, body.length, -1, 0, null);
        }

        static Reply error(int status, String contentType, byte[] body) {
            return new Reply(status, contentType, body, 23, 7, -1, 0, null);
        }

        /** Ends the connection after this many bytes, inside a body of a declared length. */
        Reply cutAt(int at) {
            return new Reply(status, contentType, body, maxPiece, seed, at, pauseMillis, holdAtHalf);
        }

        /** Sleeps between pieces. */
        Reply slowly(long millis) {
            return new Reply(status, contentType, body, maxPiece, seed, cutAt, millis, holdAtHalf);
        }

        /** Stops at half the body until the latch opens. */
        Reply holdingAtHalfUntil(CountDownLatch latch) {
            return new Reply(status, contentType, body, maxPiece, seed, cutAt, pauseMillis, latch);
        }

        Reply pieces(int max) {
            return new Reply(status, contentType, body, max, seed, cutAt, pauseMillis, holdAtHalf);
        }
    }

    private final HttpServer server;
    private final AtomicInteger routes = new AtomicInteger();

    SseServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sse-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Serves the reply at a path of its own; returns its URL. */
    URI serve(Reply reply) {
        String path = "/v1/stream/" + routes.incrementAndGet();
        server.createContext(path, exchange -> handle(exchange, reply));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void handle(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        byte[] body = reply.body();
        boolean cut = reply.cutAt() >= 0;
        exchange.sendResponseHeaders(reply.status(), reply.status() >= 400 ? body.length : 0);
        int end = cut ? reply.cutAt() : body.length;
        Random random = new Random(reply.seed());
        OutputStream out = exchange.getResponseBody();
        try {
            boolean held = false;
            for (int at = 0; at < end; ) {
                if (reply.holdAtHalf() != null && !held && at >= end / 2) {
                    held = true;
                    reply.holdAtHalf().await(20, TimeUnit.SECONDS);
                }
                int n = Math.min(1 + random.nextInt(reply.maxPiece()), end - at);
                out.write(body, at, n);
                out.flush();
                at += n;
                if (reply.pauseMillis() > 0) {
                    Thread.sleep(reply.pauseMillis());
                }
            }
            if (cut) {
                // The client links the body handler's result to the response on a thread of its own; a
                // connection that fails before that link is the client's own IOException, not the fold's.
                // A cut in a live stream comes long after; so it does here.
                Thread.sleep(300);
                // A handler that throws gets its connection closed with no last chunk: a cut, to the client.
                throw new IllegalStateException("cut at " + end);
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!cut) {
                exchange.close();
            }
        }
    }

    /** Line ends as CRLF, as some servers send SSE and JSON Lines. */
    static byte[] crlf(byte[] text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length + text.length / 16);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(text[i]);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
