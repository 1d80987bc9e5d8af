package io.streamfold.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import io.streamfold.StreamWriter.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients (plain {@code HttpClient}, as an OpenAI-style and an Anthropic-style SDK call) read
 * streams from the replay server and fold what arrived.
 */
class StreamReplayServerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Path recording(String name) {
        return Recordings.bundled().resolve(name);
    }

    /** What an OpenAI-style client sends. */
    static HttpRequest openAi(URI base, String body) {
        return HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).header("authorization", "Bearer sk-test")
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** What an Anthropic-style client sends. */
    static HttpRequest anthropic(URI base, String body) {
        return HttpRequest.newBuilder(base.resolve("/v1/messages")).header("x-api-key", "sk-ant-test")
                .header("anthropic-version", "2023-06-01").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void assertSameCompletion(Completion actual, Completion expected) {
        assertThat(actual.format()).isEqualTo(expected.format());
        assertThat(actual.text()).isEqualTo(expected.text());
        assertThat(actual.reasoning()).isEqualTo(expected.reasoning());
        assertThat(actual.finishReason()).isEqualTo(expected.finishReason());
        assertThat(actual.message().toolCalls()).isEqualTo(expected.message().toolCalls());
        assertThat(actual.usage()).isEqualTo(expected.usage());
    }

    @Test
    void openAiAndAnthropicClientsFoldWhatTheServerStreams() throws Exception {
        Path chat = recording("real/chat-parallel-tool-calls--e73b8fbb6fe7.json");
        Path messages = recording("synthetic/anthropic.messages-thinking-tools.sse");
        try (StreamReplayServer server = StreamReplayServer.start(
                Reply.of(messages).onPath("/v1/messages").withWriteSize(3),
                Reply.of(chat).onPath("/v1/chat/completions").withPace(Reply.Pace.fixed(Duration.ofMillis(1))))) {
            HttpResponse<InputStream> c = CLIENT.send(openAi(server.uri(), "{\"stream\":true}"), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(c.statusCode()).isEqualTo(200);
            assertThat(c.headers().firstValue("content-type")).hasValue("text/event-stream");
            assertSameCompletion(ChunkAssembler.assemble(c.body()), ChunkAssembler.assemble(chat));

            HttpResponse<InputStream> a = CLIENT.send(anthropic(server.uri(), "{\"stream\":true}"), HttpResponse.BodyHandlers.ofInputStream());
            assertSameCompletion(ChunkAssembler.assemble(a.body()), ChunkAssembler.assemble(messages));

            assertThat(server.requests()).extracting(ReceivedRequest::path).containsExactly("/v1/chat/completions", "/v1/messages");
            assertThat(server.requests().get(1).header("Anthropic-Version")).isEqualTo("2023-06-01");
            assertThat(server.requests().get(0).body()).isEqualTo("{\"stream\":true}");
            assertThat(server.waiting()).isZero();
        }
    }

    @Test
    void everyFormatStreamsThroughAQuirkProfileAndAFault() throws Exception {
        List<String> recordings = List.of("real/chat-reasoning-field--4687f5207dee.json", "real/openai-completion-text--c03bc36fc4c1.json",
                "synthetic/openai.responses-text-call-reasoning.sse", "real/anthropic-messages-sse--f22657bfd86d.json",
                "real/gemini-function-calls--5391ea814cd6.json", "real/gemini-interactions-sse--df62e523dd87.json",
                "synthetic/cohere.chat-thinking-citations.sse", "synthetic/ollama.chat-thinking-tool-calls.jsonl",
                "synthetic/ollama.generate-text-stop.ndjson", "real/bedrock-converse-tool-call--vercel-ai.jsonl");
        for (String name : recordings) {
            Completion expected = ChunkAssembler.assemble(recording(name));
            // as recorded, in 7-byte writes
            try (StreamReplayServer server = StreamReplayServer.start(Reply.of(recording(name)).withWriteSize(7))) {
                HttpResponse<InputStream> r = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
                assertSameCompletion(ChunkAssembler.assemble(r.body()), expected);
            }
            // as an OpenAI chat stream through vLLM's and Azure's quirks, first refused with a 429, then cut short
            StreamWriter chat = StreamWriter.builder().format(Format.OPENAI_CHAT).profile(Profile.VLLM, Profile.AZURE).build();
            Reply reply = Reply.of(expected, chat);
            int cut = reply.body().length / 2;
            try (StreamReplayServer server = StreamReplayServer.start(reply.withFault(Reply.Fault.status(429)), reply,
                    reply.withFault(Reply.Fault.cutAfter(cut)))) {
                HttpResponse<String> limited = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofString());
                assertThat(limited.statusCode()).isEqualTo(429);
                assertThat(limited.headers().firstValue("retry-after")).isPresent();
                assertThat(ChunkAssembler.assemble(limited.body().getBytes()).error()).get()
                        .satisfies(e -> assertThat(e.code()).isEqualTo("rate_limit_exceeded"));

                HttpResponse<InputStream> whole = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
                Completion folded = ChunkAssembler.assemble(whole.body());
                assertThat(folded.text()).as(name).isEqualTo(expected.text());
                assertThat(folded.reasoning()).as(name).isEqualTo(expected.reasoning());
                assertThat(folded.message().toolCalls()).extracting(t -> t.name() + t.argumentsAsJson()).as(name)
                        .isEqualTo(expected.message().toolCalls().stream().map(t -> t.name() + t.argumentsAsJson()).toList());
                assertThat(folded.finishReason()).as(name).isEqualTo(expected.finishReason());

                HttpResponse<InputStream> cutShort = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
                byte[] arrived = cutShort.body().readAllBytes();
                assertThat(arrived).hasSize(cut);
                Completion partial = ChunkAssembler.assemble(arrived, AssemblerOptions.defaults().withLenient(true));
                assertThat(partial.incomplete()).as(name).isTrue();
                assertThat(expected.text()).as(name).startsWith(partial.text());
            }
        }
    }

    @Test
    void anIncrementalFoldSeesTheStreamGrowAsItArrives() throws Exception {
        Completion expected = ChunkAssembler.assemble(recording("synthetic/anthropic.messages-thinking-tools.sse"));
        StreamWriter writer = StreamWriter.builder().format(Format.OPENAI_CHAT).chunking(StreamWriter.Chunking.perToken())
                .profile(Profile.TOGETHER).build();
        try (StreamReplayServer server = StreamReplayServer.start(Reply.of(expected, writer).withWriteSize(11))) {
            HttpResponse<InputStream> r = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
            io.streamfold.IncrementalAssembler live = ChunkAssembler.incremental();
            List<String> texts = new java.util.ArrayList<>();
            byte[] buffer = new byte[11];
            try (InputStream body = r.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    live.feed(buffer, 0, n);
                    texts.add(live.snapshot().text());
                }
            }
            Completion folded = live.finish();
            assertThat(folded.text()).isEqualTo(expected.text());
            assertThat(folded.message().toolCalls()).extracting(t -> t.name()).containsExactly("get_weather", "get_weather");
            assertThat(texts).as("the text grew as the bytes came").isSorted().contains("", expected.text());
            assertThat(texts.stream().distinct().count()).isGreaterThan(5);
        }
    }

    @Test
    void providersAnswerErrorsInTheirOwnBodies() throws Exception {
        Path messages = recording("real/anthropic-messages-sse--f22657bfd86d.json");
        Path gemini = recording("real/gemini-text--86173aaf2711.json");
        try (StreamReplayServer server = StreamReplayServer.start(Reply.of(messages).withFault(Reply.Fault.status(529)),
                Reply.of(gemini).withFault(Reply.Fault.status(500)))) {
            HttpResponse<String> a = CLIENT.send(anthropic(server.uri(), "{}"), HttpResponse.BodyHandlers.ofString());
            assertThat(a.statusCode()).isEqualTo(529);
            assertThat(a.body()).contains("\"type\":\"error\"", "overloaded_error");
            HttpResponse<String> g = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofString());
            assertThat(g.statusCode()).isEqualTo(500);
            assertThat(g.body()).contains("\"status\":\"INTERNAL\"");
        }
    }

    @Test
    void aDroppedConnectionFailsTheClientsRead() throws Exception {
        Path chat = recording("real/chat-one-tool-call--75ae2f583e3e.json");
        try (StreamReplayServer server = StreamReplayServer.start(Reply.of(chat).withFault(Reply.Fault.dropAfter(200)),
                Reply.of(chat).withFault(Reply.Fault.closeConnection()))) {
            HttpResponse<InputStream> r = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
            ByteArrayOutputStream arrived = new ByteArrayOutputStream();
            assertThatThrownBy(() -> r.body().transferTo(arrived)).isInstanceOf(IOException.class);
            assertThat(arrived.size()).isEqualTo(200);
            assertThat(ChunkAssembler.assemble(arrived.toByteArray(), AssemblerOptions.defaults().withLenient(true)).incomplete()).isTrue();

            assertThatThrownBy(() -> CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aStallHoldsTheRestBack() throws Exception {
        Path chat = recording("real/chat-one-tool-call--75ae2f583e3e.json");
        try (StreamReplayServer server = StreamReplayServer.start(
                Reply.of(chat).withFault(Reply.Fault.stallAfter(100, Duration.ofMillis(300))))) {
            HttpResponse<InputStream> r = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = r.body();
            byte[] first = body.readNBytes(100);
            long start = System.nanoTime();
            byte[] rest = body.readAllBytes();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the rest waited for the stall").isGreaterThanOrEqualTo(Duration.ofMillis(200));
            byte[] whole = new byte[first.length + rest.length];
            System.arraycopy(first, 0, whole, 0, first.length);
            System.arraycopy(rest, 0, whole, first.length, rest.length);
            assertSameCompletion(ChunkAssembler.assemble(whole), ChunkAssembler.assemble(chat));
        }
    }

    @Test
    void repliesMatchByPathAndBodyAndARequestNoneMatchesGetsA404() throws Exception {
        Path one = recording("real/chat-one-tool-call--75ae2f583e3e.json");
        Path length = recording("real/chat-finish-length--3b6ad0d16f48.json");
        try (StreamReplayServer server = StreamReplayServer.start(Reply.of(one).whenBody(b -> b.contains("\"model\":\"a\"")),
                Reply.of(length).whenBody(b -> b.contains("\"model\":\"b\"")))) {
            HttpResponse<InputStream> b = CLIENT.send(openAi(server.uri(), "{\"model\":\"b\"}"), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(ChunkAssembler.assemble(b.body()).finishReason()).isEqualTo(FinishReason.LENGTH);
            HttpResponse<String> none = CLIENT.send(openAi(server.uri(), "{\"model\":\"b\"}"), HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.body()).contains("no reply waiting for POST /v1/chat/completions", "1 waiting");
            HttpResponse<InputStream> a = CLIENT.send(openAi(server.uri(), "{\"model\":\"a\"}"), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(ChunkAssembler.assemble(a.body()).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        }
    }

    @Test
    void aFolderServesEachRecordingInOrder() throws Exception {
        List<Reply> replies = Reply.allIn(Recordings.bundled().folder().resolve("seeds"));
        assertThat(replies).hasSizeGreaterThan(2);
        try (StreamReplayServer server = StreamReplayServer.start(replies)) {
            for (Path path : Recordings.in(Recordings.bundled().folder().resolve("seeds")).list()) {
                HttpResponse<InputStream> r = CLIENT.send(openAi(server.uri(), "{}"), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(ChunkAssembler.assemble(r.body()).text()).as(path.toString()).isEqualTo(ChunkAssembler.assemble(path).text());
            }
        }
    }

    @Test
    void ollamaPlaysAtItsRecordedPace() throws Exception {
        Path ollama = recording("synthetic/ollama.generate-text-stop.ndjson");
        try (StreamReplayServer server = StreamReplayServer.start(Reply.of(ollama).withPace(Reply.Pace.recorded()))) {
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/generate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<InputStream> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValue("content-type")).hasValue("application/x-ndjson");
            assertSameCompletion(ChunkAssembler.assemble(r.body()), ChunkAssembler.assemble(ollama));
        }
    }
}
