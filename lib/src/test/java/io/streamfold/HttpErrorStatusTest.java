package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.http.StreamfoldBodyHandlers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 4xx or 5xx response is the provider's error, not a stream: a completion, {@code incomplete()},
 * whose {@code error()} holds the error body, in strict options too, and a recording of its bytes.
 * The bodies are the providers' documented ones.
 */
@Timeout(60)
class HttpErrorStatusTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static SseServer server;

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        openai    |429|{"error":{"message":"Rate limit reached for gpt-4o","type":"requests","param":null,"code":"rate_limit_exceeded"}}|requests|rate_limit_exceeded|Rate limit reached for gpt-4o
        anthropic |529|{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}|overloaded_error||Overloaded
        gemini    |429|{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}||429|Resource has been exhausted (e.g. check quota).
        gemini-sse|500|[{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}]||500|Internal error encountered.
        ollama    |404|{"error":"model 'llama3' not found, try pulling it first"}|||model 'llama3' not found, try pulling it first
        cohere    |429|{"id":"8a1b","message":"You are using a Trial key, which is limited to 10 API calls / minute."}||429|You are using a Trial key, which is limited to 10 API calls / minute.
        bedrock   |429|{"message":"Too many requests, please wait before trying again."}||429|Too many requests, please wait before trying again.
        proxy     |502|<html><body><h1>502 Bad Gateway</h1></body></html>||502|<html><body><h1>502 Bad Gateway</h1></body></html>
        text      |500|Internal Server Error||500|Internal Server Error
        """)
    void anErrorStatusGivesTheProvidersError(String provider, int status, String body, String type, String code,
            String message) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI uri = server.serve(SseServer.Reply.error(status, "application/json", bytes));
        Path file = dir.resolve(provider + ".json");
        AtomicReference<Completion> finished = new AtomicReference<>();
        AssemblerOptions strict = AssemblerOptions.defaults().withListener(new AssemblyListener() {
            @Override
            public void onFinished(Completion completion) {
                finished.set(completion);
            }
        });

        HttpResponse<Completion> response = CLIENT.send(LiveStreamTest.post(uri),
                StreamfoldBodyHandlers.assemblingAndRecording(strict, file));

        Completion completion = response.body();
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(completion.incomplete()).isTrue();
        assertThat(completion.choices()).isEmpty();
        assertThat(completion.streamed()).isFalse();
        assertThat(completion.problems()).isEmpty();
        assertThat(completion.finishReason()).isEqualTo(FinishReason.ERROR);
        ProviderError error = completion.error().orElseThrow();
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).isEqualTo(message);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(finished.get()).isEqualTo(completion);
    }

    @Test
    void anErrorBodyIsItsErrorWithoutARecordingToo() throws Exception {
        byte[] body = "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"
                .getBytes(StandardCharsets.UTF_8);
        URI uri = server.serve(SseServer.Reply.error(500, "application/json", body));
        Completion completion = CLIENT.sendAsync(LiveStreamTest.post(uri), StreamfoldBodyHandlers.assembling()).get().body();
        assertThat(completion.error()).map(ProviderError::type).contains("server_error");
        assertThat(completion.incomplete()).isTrue();
    }

    @Test
    void anEmptyErrorBodyNamesTheStatus() throws Exception {
        URI uri = server.serve(SseServer.Reply.error(503, "text/plain", new byte[0]));
        Completion completion = CLIENT.send(LiveStreamTest.post(uri), StreamfoldBodyHandlers.assembling()).body();
        assertThat(completion.error()).map(ProviderError::message).contains("HTTP 503");
        assertThat(completion.error()).map(ProviderError::code).contains("503");
    }
}
