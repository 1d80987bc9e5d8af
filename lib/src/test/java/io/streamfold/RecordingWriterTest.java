package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamfold.http.StreamfoldBodyHandlers;
import io.streamfold.internal.parsing.EventStreamFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the recording writer writes folds back to the completion the stream gave: for every
 * recording, in each wire form it has (raw SSE, JSON Lines, a JSON array, a binary event stream,
 * framed events), fed in odd-sized pieces, as a llama-stack recording and raw; and live, from the
 * body handler.
 */
@Timeout(120)
class RecordingWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
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

    /** The recordings whose raw SSE is a stream (the damaged and non-stream ones are other tests' business). */
    static Stream<Path> streams() {
        return TestRecordings.all(".").stream().filter(p -> p.toFile().length() < 200_000).filter(p -> {
            try {
                return ChunkAssembler.assemble(SseForms.of(p)).streamed();
            } catch (AssemblyException e) {
                return false;
            }
        });
    }

    static Stream<Path> nativeForms() {
        return streams().filter(p -> !p.toString().endsWith(".sse")).filter(p -> {
            try {
                byte[] bytes = Files.readAllBytes(p);
                return !JSON.readTree(bytes.length > 0 && bytes[0] == '{' && !p.toString().endsWith(".json")
                        ? "[]".getBytes() : bytes).has("request");
            } catch (IOException e) {
                return true; // JSON Lines
            }
        });
    }

    private RecordingWriter llamaStack(Path file, boolean normalised) throws IOException {
        return RecordingWriter.builder().request("POST", "https://api.example.com/v1/chat/completions", REQUEST)
                .testId("RecordingWriterTest").normalised(normalised).llamaStack(file);
    }

    private static void feedInPieces(RecordingWriter writer, byte[] bytes, long seed) throws IOException {
        Random random = new Random(seed);
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(29), bytes.length - at);
            writer.feed(bytes, at, n);
            at += n;
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void aLlamaStackRecordingOfTheRawSseFoldsBack(Path recording) throws IOException {
        byte[] sse = SseServer.crlf(SseForms.of(recording));
        Path file = dir.resolve("recorded.json");
        try (RecordingWriter writer = llamaStack(file, false)) {
            feedInPieces(writer, sse, sse.length);
        }
        assertThat(ChunkAssembler.assemble(file)).isEqualTo(ChunkAssembler.assemble(sse, AssemblerOptions.defaults()
                .withSource(file.toString())));
        JsonNode root = JSON.readTree(file.toFile());
        assertThat(root.at("/request/method").asText()).isEqualTo("POST");
        assertThat(root.at("/request/url").asText()).isEqualTo("https://api.example.com/v1/chat/completions");
        assertThat(root.at("/request/endpoint").asText()).isEqualTo("/v1/chat/completions");
        assertThat(root.at("/request/model").asText()).isEqualTo("gpt-4o");
        assertThat(root.at("/request/body")).isEqualTo(JSON.readTree(REQUEST));
        assertThat(root.at("/response/is_streaming").asBoolean()).isTrue();
        assertThat(root.at("/test_id").asText()).isEqualTo("RecordingWriterTest");
        assertThat(root.at("/response/body").size()).isEqualTo(ChunkAssembler.assemble(sse).chunkCount());
    }

    @ParameterizedTest
    @MethodSource("nativeForms")
    void aLlamaStackRecordingOfJsonLinesOrAnArrayFoldsBack(Path recording) throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        Path file = dir.resolve("recorded.json");
        try (RecordingWriter writer = llamaStack(file, false)) {
            feedInPieces(writer, bytes, 3);
        }
        assertThat(ChunkAssembler.assemble(file)).isEqualTo(ChunkAssembler.assemble(bytes, AssemblerOptions.defaults()
                .withSource(file.toString())));
    }

    @Test
    void aLlamaStackRecordingOfABinaryEventStreamFoldsBack() throws IOException {
        byte[] frames = EventStreamFrames.of(TestRecordings.path("real/bedrock-converse-reasoning-text--vercel-ai.jsonl"));
        Path file = dir.resolve("recorded.json");
        try (RecordingWriter writer = llamaStack(file, false)) {
            feedInPieces(writer, frames, 5);
        }
        Completion completion = ChunkAssembler.assemble(file);
        assertThat(completion).isEqualTo(ChunkAssembler.assemble(frames, AssemblerOptions.defaults().withSource(file.toString())));
        assertThat(completion.reasoning()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("streams")
    void framedEventsFoldBackInBothForms(Path recording) throws IOException {
        byte[] sse = SseForms.of(recording);
        Completion expected = ChunkAssembler.assemble(sse);
        Path file = dir.resolve("events.json");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (RecordingWriter writer = llamaStack(file, false); RecordingWriter rawWriter = RecordingWriter.builder().raw(raw)) {
            for (SseEventSplitter.Event event : SseEventSplitter.split(sse)) {
                writer.feedEvent(event.name(), event.data());
                rawWriter.feedEvent(event.name(), event.data());
            }
        }
        assertThat(ChunkAssembler.assemble(file).toJson()).isEqualTo(expected.toJson());
        assertThat(ChunkAssembler.assemble(raw.toByteArray())).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void theRawFormIsTheExactBytes(Path recording) throws IOException {
        byte[] sse = SseServer.crlf(SseForms.of(recording));
        Path file = dir.resolve("raw.sse");
        try (RecordingWriter writer = RecordingWriter.raw(file)) {
            feedInPieces(writer, sse, 11);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(sse);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void normalisationReplacesIdsAndTimesAndNothingElse(Path recording) throws IOException {
        byte[] sse = SseForms.of(recording);
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        for (Path file : new Path[] {first, second}) {
            try (RecordingWriter writer = llamaStack(file, true)) {
                feedInPieces(writer, sse, file.hashCode());
            }
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        Completion live = ChunkAssembler.assemble(sse);
        Completion replayed = ChunkAssembler.assemble(first);
        if (live.id() != null && ChunkAssembler.assemble(sse).extra().isEmpty() && sse.length > 0
                && new String(sse, StandardCharsets.UTF_8).contains("data: {\"id\"")) {
            assertThat(replayed.id()).matches("rec-[0-9a-f]{12}");
        }
        if (live.created() != null && live.format() == Format.OPENAI_CHAT) {
            assertThat(replayed.created()).isZero();
        }
        assertThat(replayed.choices()).isEqualTo(live.choices());
        if (live.usage() != null) {
            // Ollama's durations, in the usage's details, are normalised to 0 too
            assertThat(replayed.usage().inputTokens()).isEqualTo(live.usage().inputTokens());
            assertThat(replayed.usage().outputTokens()).isEqualTo(live.usage().outputTokens());
        }
        assertThat(replayed.format()).isEqualTo(live.format());
    }

    @Test
    void chunksAreCopiedAsSentNumbersAndAll() throws IOException {
        String chunk = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1e9,\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"caf\u00e9 \\u263a\"},\"logprobs\":{\"content\":[{\"token\":\"x\",\"logprob\":-1.50E-4,"
                + "\"bytes\":[120]}]},\"finish_reason\":\"stop\"}],\"x\":123456789012345678901234567890.10}";
        Path file = dir.resolve("exact.json");
        try (RecordingWriter writer = llamaStack(file, false)) {
            writer.feed(("data: " + chunk + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
        String written = Files.readString(file);
        assertThat(written).contains("\"created\":1e9", "\"logprob\":-1.50E-4", "123456789012345678901234567890.10");
        assertThat(JSON.readTree(written).at("/response/body/0")).isEqualTo(JSON.readTree(chunk));
    }

    @Test
    void normalisedIdsFollowTheRequest() throws IOException {
        byte[] sse = SseForms.of(TestRecordings.path("real/chat-logprobs--dab8216633e9.json"));
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            Path file = dir.resolve("n" + i + ".json");
            try (RecordingWriter writer = RecordingWriter.builder().request("POST", "http://localhost/v1/chat/completions",
                    "{\"model\":\"m\",\"n\":" + i + "}").normalised(true).llamaStack(file)) {
                writer.feed(sse);
            }
            ids[i] = ChunkAssembler.assemble(file).id();
        }
        assertThat(ids[0]).startsWith("rec-").isNotEqualTo(ids[1]);
    }

    @Test
    void aStreamCutInsideAChunkKeepsTheChunksBeforeIt() throws IOException {
        byte[] sse = SseForms.of(TestRecordings.path("real/chat-parallel-tool-calls--e73b8fbb6fe7.json"));
        int cut = new String(sse, StandardCharsets.ISO_8859_1).indexOf("\"arguments\":\"") + 14;
        Path file = dir.resolve("cut.json");
        RecordingWriter writer = llamaStack(file, false);
        writer.feed(sse, 0, cut);
        IOException thrown = catchThrowableOfType(IOException.class, writer::close);
        assertThat(thrown).hasMessageContaining("ended inside chunk");
        Completion prefix = ChunkAssembler.assemble(Arrays.copyOf(sse, cut), AssemblerOptions.defaults().withLenient(true));
        Completion replayed = ChunkAssembler.assemble(file, AssemblerOptions.defaults().withLenient(true));
        assertThat(replayed.chunkCount()).isEqualTo(prefix.chunkCount() - 1);
        assertThat(replayed.incomplete()).isTrue();
        assertThat(JSON.readTree(file.toFile()).at("/response/is_streaming").asBoolean()).isTrue();
    }

    /** Done when: a client of HttpClient folds and records a live stream with one call, for every format. */
    @ParameterizedTest
    @MethodSource("streams")
    void theBodyHandlerRecordsALlamaStackRecordingThatFoldsToTheLiveCompletion(Path recording) throws Exception {
        byte[] sse = SseServer.crlf(SseForms.of(recording));
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", sse));
        Path file = dir.resolve("live.json");
        Completion live = HttpClient.newHttpClient().send(LiveStreamTest.post(uri),
                StreamfoldBodyHandlers.assemblingAndRecording(AssemblerOptions.defaults(), llamaStack(file, false))).body();
        assertThat(ChunkAssembler.assemble(file).toJson()).isEqualTo(live.toJson());
        assertThat(ChunkAssembler.assemble(file).message()).isEqualTo(live.message());
    }
}
