package io.streamfold.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyListener;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Source;
import io.streamfold.TestRecordings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** gzip around a plain recording or inside a body, and a stream read as it arrives. */
class GzipAndLiveInputTest {

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] chatStream() throws IOException {
        return Files.readAllBytes(TestRecordings.path("containers/chat-stream.sse"));
    }

    @Test
    void aGzippedBareStreamFoldsAsTheStream() throws IOException {
        Completion bare = ChunkAssembler.assemble(chatStream());
        Completion gzipped = ChunkAssembler.assemble(gzip(chatStream()));
        assertThat(gzipped).isEqualTo(bare);
        assertThat(gzipped.source().container()).isEqualTo(Source.Container.STREAM);
        assertThat(ChunkAssembler.assemble(gzip(gzip(chatStream())))).as("twice").isEqualTo(bare);
    }

    @Test
    void aBodyStoredGzippedIsInflated() throws IOException {
        String body = Base64.getEncoder().encodeToString(gzip(chatStream()));
        byte[] har = ("{\"log\": {\"version\": \"1.2\", \"entries\": [{\"request\": {\"method\": \"POST\", \"url\":"
                + " \"https://api.openai.com/v1/chat/completions\"}, \"response\": {\"status\": 200, \"headers\":"
                + " [{\"name\": \"Content-Encoding\", \"value\": \"gzip\"}], \"content\": {\"mimeType\":"
                + " \"text/event-stream\", \"encoding\": \"base64\", \"text\": \"" + body + "\"}}}]}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ChunkAssembler.assemble(har)).isEqualTo(ChunkAssembler.assemble(chatStream()));

        // vcrpy keeps bytes it could not decode as !!binary
        String cassette = "interactions:\n- request:\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n"
                + "  response:\n    body:\n      string: !!binary |\n        " + body + "\n    headers:\n"
                + "      Content-Encoding:\n      - gzip\n    status:\n      code: 200\n      message: OK\nversion: 1\n";
        assertThat(ChunkAssembler.assemble(cassette.getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo("The capital of France is Paris.");
    }

    @Test
    void aStreamReadAsItArrivesIsFoldedAsItArrives() throws IOException {
        byte[] sse = chatStream();
        List<String> seen = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        AssemblyListener listener = new AssemblyListener() {
            @Override
            public void onTextDelta(int choice, String delta) {
                text.append(delta);
            }
        };
        // serves 200 bytes a read, and notes the text folded so far at each read
        InputStream live = new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                seen.add(text.toString());
                if (at >= sse.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 200), sse.length - at);
                System.arraycopy(sse, at, b, off, n);
                at += n;
                return n;
            }
        };
        Completion c = ChunkAssembler.assemble(live, AssemblerOptions.defaults().withListener(listener));
        assertThat(c.text()).isEqualTo("The capital of France is Paris.");
        assertThat(sse.length).isGreaterThan(1000).isLessThan(8192);
        assertThat(seen.get(seen.size() - 2)).as("text was folded before the input ended").isNotEmpty();
    }

    private static byte[] harOf(byte[] body, String encoding) {
        String text = Base64.getEncoder().encodeToString(body);
        return ("{\"log\": {\"version\": \"1.2\", \"entries\": [{\"request\": {\"method\": \"POST\", \"url\":"
                + " \"https://api.openai.com/v1/chat/completions\"}, \"response\": {\"status\": 200, \"headers\":"
                + " [{\"name\": \"content-encoding\", \"value\": \"" + encoding + "\"}], \"content\": {\"mimeType\":"
                + " \"text/event-stream\", \"encoding\": \"base64\", \"text\": \"" + text + "\"}}}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDeflatedBodyIsInflatedAndOneStillInBrotliIsAnError() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
            out.write(chatStream());
        }
        assertThat(ChunkAssembler.assemble(harOf(deflated.toByteArray(), "deflate")))
                .isEqualTo(ChunkAssembler.assemble(chatStream()));

        byte[] brotli = {(byte) 0x8b, 0x05, (byte) 0x80, 0x64, 0x61, 0x74, 0x61, 0x03}; // not decodable here
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChunkAssembler.assemble(harOf(brotli, "br")))
                .isInstanceOfSatisfying(io.streamfold.AssemblyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(io.streamfold.Problem.Kind.UNEXPECTED);
                    assertThat(e.getMessage()).contains("Content-Encoding: br", "entry 0",
                            "$.log.entries[0].response.content.text");
                });
        // a recorder that decoded the body but kept the header
        assertThat(ChunkAssembler.assemble(harOf(chatStream(), "br")).text()).isEqualTo("The capital of France is Paris.");
    }
}
