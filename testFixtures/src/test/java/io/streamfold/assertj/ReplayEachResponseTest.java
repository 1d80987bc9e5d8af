package io.streamfold.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording of several responses, or a cassette, is served one response per request, in order. */
class ReplayEachResponseTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void aFileOfTwoMessagesIsTwoReplies() throws Exception {
        Path two = dir.resolve("two.sse");
        Files.write(two, concat(StreamReplayServerTest.recording("synthetic/anthropic.messages-thinking-tools.sse"),
                StreamReplayServerTest.recording("synthetic/anthropic.messages-server-tools-redacted.sse")));
        List<Completion> expected = ChunkAssembler.assembleAll(two);

        assertServedInOrder(Reply.eachResponseOf(two), expected, "/v1/messages");
    }

    @Test
    void aCassetteIsOneReplyPerLlmInteraction() throws Exception {
        Path cassette = StreamReplayServerTest.recording("containers/chat.har");
        List<Completion> expected = ChunkAssembler.assembleAll(cassette);

        assertThat(expected).hasSizeGreaterThan(1);
        assertServedInOrder(Reply.eachResponseOf(cassette), expected, "/v1/chat/completions");
    }

    @Test
    void aFileOfOneResponseIsServedAsRecorded() {
        Path one = StreamReplayServerTest.recording("synthetic/anthropic.messages-thinking-tools.sse");

        assertThat(Reply.eachResponseOf(one)).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo(Reply.of(one).body()));
    }

    private static void assertServedInOrder(List<Reply> replies, List<Completion> expected, String path) throws Exception {
        assertThat(replies).hasSameSizeAs(expected);
        try (StreamReplayServer server = StreamReplayServer.start(replies)) {
            for (Completion want : expected) {
                HttpResponse<InputStream> got = CLIENT.send(path.contains("messages")
                        ? StreamReplayServerTest.anthropic(server.uri(), "{\"stream\":true}")
                        : StreamReplayServerTest.openAi(server.uri(), "{\"stream\":true}"),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(got.statusCode()).isEqualTo(200);
                StreamReplayServerTest.assertSameCompletion(ChunkAssembler.assemble(got.body()), want);
            }
            assertThat(server.waiting()).isZero();
        }
    }

    private static byte[] concat(Path a, Path b) throws IOException {
        byte[] x = Files.readAllBytes(a);
        byte[] y = Files.readAllBytes(b);
        byte[] out = new byte[x.length + 2 + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        out[x.length] = '\n';
        out[x.length + 1] = '\n';
        System.arraycopy(y, 0, out, x.length + 2, y.length);
        return out;
    }
}
