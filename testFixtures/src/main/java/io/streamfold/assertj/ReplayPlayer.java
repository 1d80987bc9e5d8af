package io.streamfold.assertj;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sends one reply: its status and headers, then its frames at its pace, in its write sizes, up to its fault. */
final class ReplayPlayer {

    private final Reply reply;
    private final OutputStream out;
    private long sent;
    private boolean stalled;

    private ReplayPlayer(Reply reply, OutputStream out) {
        this.reply = reply;
        this.out = out;
    }

    static void play(Reply reply, HttpExchange exchange) throws IOException {
        Reply.Fault fault = reply.fault();
        ReplayFrames frames = reply.frames();
        switch (fault.kind()) {
            case CLOSE -> throw new DroppedConnection(); // the server closes a connection its handler fails on
            case STATUS -> {
                byte[] body = ProviderErrorBodies.body(frames.format(), fault.status()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "application/json");
                for (Map.Entry<String, String> h : ProviderErrorBodies.headers(frames.format(), fault.status()).entrySet()) {
                    exchange.getResponseHeaders().set(h.getKey(), h.getValue());
                }
                exchange.sendResponseHeaders(fault.status(), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            default -> {
            }
        }
        exchange.getResponseHeaders().set("content-type", frames.contentType());
        if (frames.contentType().startsWith("text/event-stream")) {
            exchange.getResponseHeaders().set("cache-control", "no-cache");
        }
        long length = frames.body().length;
        // A drop declares the whole length and sends less: the connection closes short and the client's read fails.
        exchange.sendResponseHeaders(frames.status(), fault.kind() == Reply.Fault.Kind.DROP ? length : 0);
        new ReplayPlayer(reply, exchange.getResponseBody()).frames(frames.frames(), frames.times());
    }

    private void frames(List<byte[]> frames, List<Instant> times) throws IOException {
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                pause(delay(times.get(i - 1), times.get(i)));
            }
            if (!write(frames.get(i))) {
                break;
            }
        }
        if (reply.fault().kind() == Reply.Fault.Kind.DROP) {
            throw new DroppedConnection();
        }
    }

    private Duration delay(Instant before, Instant at) {
        if (reply.pace().isRecorded()) {
            return before == null || at == null || at.isBefore(before) ? Duration.ZERO : Duration.between(before, at);
        }
        return reply.pace().perChunk();
    }

    /** Writes one frame in the reply's write sizes; false once the fault says to stop. */
    private boolean write(byte[] frame) throws IOException {
        Reply.Fault fault = reply.fault();
        int size = reply.writeSize() == 0 ? frame.length : reply.writeSize();
        int at = 0;
        while (at < frame.length) {
            int n = Math.min(size, frame.length - at);
            boolean limited = fault.kind() == Reply.Fault.Kind.CUT || fault.kind() == Reply.Fault.Kind.DROP
                    || fault.kind() == Reply.Fault.Kind.STALL;
            if (limited && sent < fault.afterBytes() && sent + n > fault.afterBytes()) {
                n = (int) (fault.afterBytes() - sent);
            }
            if (limited && sent == fault.afterBytes() && !stalled) {
                if (fault.kind() != Reply.Fault.Kind.STALL) {
                    return false;
                }
                pause(fault.stall());
                stalled = true;
                continue;
            }
            out.write(frame, at, n);
            out.flush();
            at += n;
            sent += n;
        }
        return true;
    }

    private static void pause(Duration d) throws IOException {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while pacing the reply", e);
        }
    }

    /** Thrown out of the handler so that the server drops the connection. */
    static final class DroppedConnection extends IOException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("the reply's fault drops the connection");
        }
    }
}
