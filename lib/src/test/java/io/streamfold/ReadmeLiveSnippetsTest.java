package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.http.StreamfoldBodyHandlers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Folding as bytes arrive" snippets, as they are written there, against a local server. */
@Timeout(60)
class ReadmeLiveSnippetsTest {

    private static final byte[] SSE = SseForms.of(TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json"));
    private static final byte[] WEATHER = SseForms.of(TestRecordings.path("seeds/001_b46980ad0094c70c.json"));
    private static SseServer server;

    private final StringBuilder ui = new StringBuilder();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AssemblerOptions options = AssemblerOptions.builder()
            .listener(new AssemblyListener() {
                @Override public void onTextDelta(int choice, String text) { ui.append(text); }
            })
            .build();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = new SseServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpRequest request(byte[] body) {
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", body));
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build();
    }

    @Test
    void aBodyHandler() throws Exception {
        HttpRequest request = request(SSE);
        Path answer = dir.resolve("answer.sse");

        HttpResponse<Completion> response = client.send(request,
                StreamfoldBodyHandlers.assemblingAndRecording(options, answer));
        Completion completion = response.body();   // and answer.sse holds every byte received

        assertThat(completion.text()).isEqualTo("1, 2, 3, 4, 5");
        assertThat(ui).hasToString("1, 2, 3, 4, 5");
        assertThat(Files.readAllBytes(answer)).isEqualTo(SSE);
    }

    @Test
    void anErrorStatusIsACompletionWithTheError() throws Exception {
        byte[] body = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"
                .getBytes(StandardCharsets.UTF_8);
        URI uri = server.serve(SseServer.Reply.error(429, "application/json", body));
        HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build();

        Completion completion = client.send(request, StreamfoldBodyHandlers.assembling(options)).body();

        assertThat(completion.incomplete()).isTrue();
        assertThat(completion.error().get().message()).startsWith("Rate limit reached");
    }

    @Test
    void aFlowSubscriber() throws Exception {
        try (SubmissionPublisher<List<ByteBuffer>> publisher = new SubmissionPublisher<>()) {
            IncrementalAssembler assembler = ChunkAssembler.incremental(options);
            publisher.subscribe(assembler.asSubscriber());   // any Flow.Publisher<List<ByteBuffer>>
            for (int at = 0; at < SSE.length; at += 100) {
                publisher.submit(List.of(ByteBuffer.wrap(SSE, at, Math.min(100, SSE.length - at))));
            }
            publisher.close();
            Completion completion = assembler.completion().get();

            assertThat(completion.text()).isEqualTo("1, 2, 3, 4, 5");
            assertThat(ui).hasToString("1, 2, 3, 4, 5");
        }
    }

    /** What an SSE client hands its callback. */
    record ServerSentEvent(String type, String data) {
    }

    @Test
    void framedEvents() {
        List<ServerSentEvent> delivered = SseEventSplitter.split(SSE).stream()
                .map(e -> new ServerSentEvent(e.name(), e.data())).toList();

        IncrementalAssembler assembler = ChunkAssembler.incremental(options);
        // in the client's callback, for each event:
        for (ServerSentEvent event : delivered) {
            assembler.feedEvent(event.type(), event.data());
        }
        // at the end:
        Completion completion = assembler.finish();

        assertThat(completion).isEqualTo(ChunkAssembler.assemble(SSE));
        assertThat(ui).hasToString("1, 2, 3, 4, 5");
    }

    @Test
    void recordOnceReplayLater() throws Exception {
        HttpRequest request = request(WEATHER);
        String requestJson = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}";
        Path recording = dir.resolve("weather.json");

        if (Files.notExists(recording)) {   // record against the real provider once
            RecordingWriter writer = RecordingWriter.builder()
                    .request("POST", request.uri().toString(), requestJson)
                    .normalised(true)
                    .llamaStack(recording);
            client.send(request, StreamfoldBodyHandlers.assemblingAndRecording(AssemblerOptions.defaults(), writer));
        }
        Completion completion = ChunkAssembler.assemble(recording);   // then replay, offline

        assertThat(completion.message().toolCall("get_weather").orElseThrow().argumentsAsMap())
                .containsEntry("location", "San Francisco, USA");
        assertThat(completion.id()).matches("rec-[0-9a-f]{12}");
        assertThat(completion.message()).isEqualTo(ChunkAssembler.assemble(WEATHER).message());
    }
}
