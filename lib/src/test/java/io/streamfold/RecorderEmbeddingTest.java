package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedding a recorder writes: tee a live HTTP response body into an incremental assembler.
 * The server is a loopback {@link HttpServer} that serves a recording's SSE in small, irregular
 * writes, flushed one by one.
 */
class RecorderEmbeddingTest {

    private HttpServer server;
    private byte[] sse;

    @BeforeEach
    void serve() throws Exception {
        sse = SseForms.of(TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/messages", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            Random random = new Random(11);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int at = 0; at < sse.length; ) {
                    int n = Math.min(1 + random.nextInt(23), sse.length - at);
                    body.write(sse, at, n);
                    body.flush();
                    at += n;
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRecorderTeesTheBodyIntoTheAssembler() throws Exception {
        List<String> live = new ArrayList<>();
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.defaults()
                .withListener(new AssemblyListener() {
                    @Override
                    public void onTextDelta(int choice, String text) {
                        live.add(text);
                    }
                }));
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream\": true}")).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64];
            for (int n; (n = body.read(buffer)) > 0; ) {
                recorded.write(buffer, 0, n); // the recording keeps every byte
                assembler.feed(buffer, 0, n); // and the assembler folds them as they come
            }
        }
        Completion completion = assembler.finish();

        assertThat(recorded.toByteArray()).isEqualTo(sse);
        assertThat(completion).isEqualTo(ChunkAssembler.assemble(sse));
        assertThat(completion.format()).hasToString("anthropic.messages");
        assertThat(completion.message().content()).isEqualTo("1, 2, 3, 4, 5");
        assertThat(completion.rawFinishReason()).isEqualTo("end_turn");
        assertThat(String.join("", live)).isEqualTo("1, 2, 3, 4, 5");
        assertThat(live).hasSizeGreaterThan(1);
    }
}
