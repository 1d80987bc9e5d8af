package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.http.StreamfoldBodyHandlers;
import io.streamfold.internal.parsing.EventStreamFrames;
import io.streamfold.parity.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live streams through {@code java.net.http}: a local server writes every recording, in every
 * form it has on the wire (raw SSE with CRLF, JSON Lines, Bedrock's binary event stream), in small
 * odd-sized pieces; the body handler's completion is what {@code assemble} gives for the same
 * bytes, and the file it records holds exactly those bytes and folds to the same completion.
 */
@Timeout(60)
class LiveStreamTest {

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

    static Stream<Path> recordings() {
        return TestRecordings.all(".").stream().filter(p -> p.toFile().length() < 200_000);
    }

    static Stream<Path> jsonLines() {
        return recordings().filter(p -> p.toString().matches(".*\\.(jsonl|ndjson)$"));
    }

    static HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"stream\": true}")).build();
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void sseWithCrlfFoldsLiveAndRecordsTheExactBytes(Path recording) throws Exception {
        foldsLiveAsAssembleDoes(SseServer.Reply.stream("text/event-stream", SseServer.crlf(SseForms.of(recording))));
    }

    @ParameterizedTest
    @MethodSource("jsonLines")
    void jsonLinesFoldLiveAndRecordTheExactBytes(Path recording) throws Exception {
        foldsLiveAsAssembleDoes(SseServer.Reply.stream("application/x-ndjson", Files.readAllBytes(recording)));
    }

    @Test
    void bedrocksBinaryEventStreamFoldsLive() throws Exception {
        byte[] frames = EventStreamFrames.of(TestRecordings.path("real/bedrock-converse-tool-call--vercel-ai.jsonl"));
        Completion completion = foldsLiveAsAssembleDoes(
                SseServer.Reply.stream("application/vnd.amazon.eventstream", frames).pieces(97));
        assertThat(completion.format()).isEqualTo(Format.BEDROCK_CONVERSE);
        assertThat(completion.message().toolCalls()).isNotEmpty();
    }

    /** Strict and lenient: the live outcome, the recorded bytes and the recording's outcome agree. */
    private Completion foldsLiveAsAssembleDoes(SseServer.Reply reply) throws Exception {
        URI uri = server.serve(reply);
        Completion last = null;
        for (boolean lenient : new boolean[] {false, true}) {
            Path file = dir.resolve("live-" + lenient + ".rec");
            AssemblerOptions options = AssemblerOptions.defaults().withLenient(lenient).withSource(file.toString());
            Outcome expected = Outcome.assemble(reply.body(), options);
            Outcome live;
            try {
                live = new Outcome(CLIENT.send(post(uri), StreamfoldBodyHandlers.assemblingAndRecording(options, file)).body(), null);
            } catch (IOException e) {
                assertThat(e.getCause()).as("the cause of %s", e).isInstanceOf(AssemblyException.class);
                live = new Outcome(null, ((AssemblyException) e.getCause()).problem());
            }
            assertThat(live).isEqualTo(expected);
            assertThat(Files.readAllBytes(file)).isEqualTo(reply.body());
            assertThat(Outcome.assemble(Files.readAllBytes(file), options)).isEqualTo(expected);
            last = live.completion();
        }
        return last;
    }

    @Test
    void theListenerHearsDeltasWhileTheStreamIsStillComing() throws Exception {
        CountDownLatch firstDelta = new CountDownLatch(1);
        List<String> heard = new ArrayList<>();
        AssemblerOptions options = AssemblerOptions.defaults().withListener(new AssemblyListener() {
            @Override
            public void onTextDelta(int choice, String text) {
                heard.add(text);
                firstDelta.countDown();
            }
        });
        byte[] sse = SseForms.of(TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json"));
        // The server stops halfway until the listener has heard a delta: a fold that waited for the end would hang.
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", sse).holdingAtHalfUntil(firstDelta));
        Completion completion = CLIENT.sendAsync(post(uri), StreamfoldBodyHandlers.assembling(options))
                .get(30, TimeUnit.SECONDS).body();
        assertThat(firstDelta.getCount()).isZero();
        assertThat(completion.text()).isEqualTo("1, 2, 3, 4, 5");
        assertThat(String.join("", heard)).isEqualTo(completion.text());
        assertThat(heard).hasSizeGreaterThan(1);
    }

    @Test
    void aSlowStreamFoldsAsAFastOne() throws Exception {
        byte[] sse = SseForms.of(TestRecordings.path("real/chat-parallel-tool-calls--e73b8fbb6fe7.json"));
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", sse).pieces(211).slowly(2));
        Completion completion = CLIENT.send(post(uri), StreamfoldBodyHandlers.assembling()).body();
        assertThat(completion).isEqualTo(ChunkAssembler.assemble(sse));
        assertThat(completion.message().toolCalls()).hasSizeGreaterThan(1);
    }

    @Test
    void aCutMidEventGivesTheFoldedPrefixInLenientOptions() throws Exception {
        byte[] sse = SseServer.crlf(SseForms.of(TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json")));
        int cut = midEvent(sse, "\"text\":\"3");
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", sse).cutAt(cut));
        Path file = dir.resolve("cut.sse");
        AssemblerOptions lenient = AssemblerOptions.defaults().withLenient(true);

        Completion completion = CLIENT.send(post(uri), StreamfoldBodyHandlers.assemblingAndRecording(lenient, file)).body();

        assertThat(completion.incomplete()).isTrue();
        assertThat(completion.text()).startsWith("1, 2, ").doesNotContain("3");
        assertThat(completion.problems()).extracting(Problem::kind).contains(Problem.Kind.IO);
        assertThat(completion.problems().get(completion.problems().size() - 1).byteOffset()).isEqualTo(cut);
        assertThat(Files.readAllBytes(file)).isEqualTo(java.util.Arrays.copyOf(sse, cut));
        // the recording of the cut stream folds to the same prefix
        assertThat(ChunkAssembler.assemble(file, lenient).text()).isEqualTo(completion.text());
    }

    @Test
    void aCutMidEventIsTheLocatedAssemblyExceptionInStrictOptions() throws Exception {
        byte[] sse = SseForms.of(TestRecordings.path("real/chat-parallel-tool-calls--e73b8fbb6fe7.json"));
        int cut = midEvent(sse, "\"arguments\":\"");
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", sse).cutAt(cut));
        Path file = dir.resolve("cut.sse");

        IOException thrown = catchThrowableOfType(IOException.class, () -> CLIENT.send(post(uri),
                StreamfoldBodyHandlers.assemblingAndRecording(AssemblerOptions.defaults(), file)));

        assertThat(thrown.getCause()).isInstanceOf(AssemblyException.class);
        AssemblyException located = (AssemblyException) thrown.getCause();
        AssemblyException fromFile = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(file));
        assertThat(located.problem()).isEqualTo(fromFile.problem());
        assertThat(located.source()).isEqualTo(file.toString());
        assertThat(located.chunk()).isPositive();
        assertThat(located.line()).isPositive();
        assertThat(Files.readAllBytes(file)).isEqualTo(java.util.Arrays.copyOf(sse, cut));
    }

    @Test
    void aCutBetweenEventsIsAnIoErrorInStrictOptions() throws Exception {
        byte[] sse = SseForms.of(TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json"));
        int cut = new String(sse, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\n\n", sse.length / 2) + 2;
        URI uri = server.serve(SseServer.Reply.stream("text/event-stream", sse).cutAt(cut));

        IOException thrown = catchThrowableOfType(IOException.class,
                () -> CLIENT.send(post(uri), StreamfoldBodyHandlers.assembling()));

        AssemblyException located = (AssemblyException) thrown.getCause();
        assertThat(located.kind()).isEqualTo(Problem.Kind.IO);
        assertThat(located.byteOffset()).isEqualTo(cut);
        assertThat(located.getMessage()).contains("after " + cut + " bytes");
    }

    /** A position inside the event that holds the marker, past the marker. */
    private static int midEvent(byte[] sse, String marker) {
        int at = new String(sse, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(marker);
        assertThat(at).as("marker %s", marker).isPositive();
        return at + marker.length();
    }
}
