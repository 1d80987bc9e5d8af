package io.streamfold.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension starts one server per test and hands the test and its set-up the same one. */
@ExtendWith(StreamReplayExtension.class)
class StreamReplayExtensionTest {

    private StreamReplayServer setUp;

    @BeforeEach
    void enqueue(StreamReplayServer server) {
        setUp = server;
        Completion anthropic = ChunkAssembler.assemble(StreamReplayServerTest.recording("real/anthropic-messages-sse--f22657bfd86d.json"));
        server.enqueue(Reply.of(anthropic, StreamWriter.builder().format(Format.OPENAI_CHAT).build()));
    }

    @Test
    void injectsTheServerAndItsUri(StreamReplayServer server, URI uri) throws Exception {
        assertThat(server).isSameAs(setUp);
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(server.port());
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(StreamReplayServerTest.openAi(uri, "{}"),
                HttpResponse.BodyHandlers.ofInputStream());
        Completion c = ChunkAssembler.assemble(r.body());
        assertThat(c.format()).isEqualTo(Format.OPENAI_CHAT);
        assertThat(c.text()).isNotEmpty();
    }
}
