package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.formats.ContainerForms.Container;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same stream in every container gives the same completion: the same records (chunk count and
 * warnings included: SSE comments and {@code [DONE]} are not chunks) and the same native JSON.
 */
class ContainerEquivalenceTest {

    /** The streams, as recorded; each is rewritten into every container. */
    static final List<String> STREAMS = List.of(
            "synthetic/openai.chat-two-choices.sse",
            "synthetic/openai.chat-reasoning-content.jsonl",
            "synthetic/openai.chat-refusal.json",
            "synthetic/openai.completion-legacy.jsonl",
            "synthetic/anthropic.messages-thinking-tools.sse",
            "synthetic/anthropic.messages-error-midstream.sse",
            "synthetic/anthropic.messages-server-tools-redacted.sse",
            "synthetic/openai.responses-text-call-reasoning.sse",
            "synthetic/openai.responses-completed-mismatch.jsonl",
            "synthetic/openai.responses-cut-off.json",
            "synthetic/openai.responses-refusal.jsonl",
            "synthetic/gemini-camel-thoughts-calls-2candidates.json",
            "synthetic/gemini-snake-text-call.json",
            "synthetic/gemini-vertex-partial-args.sse",
            "synthetic/gemini.interactions-thought-text.sse",
            "synthetic/gemini.interactions-steps.json",
            "real/chat-parallel-tool-calls--e73b8fbb6fe7.json",
            "real/anthropic-messages-sse--f22657bfd86d.json",
            "real/gemini-function-calls--5391ea814cd6.json",
            "real/gemini-interactions-sse--df62e523dd87.json",
            "synthetic/cohere.chat-thinking-citations.sse",
            "real/cohere-v2-tool-call--vercel-ai.jsonl",
            "synthetic/ollama.chat-thinking-tool-calls.jsonl",
            "synthetic/ollama.generate-text-context.ndjson",
            "synthetic/bedrock.converse-citations-redacted.json",
            "real/bedrock-converse-reasoning-text--vercel-ai.jsonl",
            "real/bedrock-converse-tool-call--vercel-ai.jsonl");

    static Stream<Arguments> streamsAndContainers() {
        List<Arguments> out = new ArrayList<>();
        for (String stream : STREAMS) {
            for (Container container : Container.values()) {
                out.add(Arguments.of(stream, container));
            }
        }
        return out.stream();
    }

    static Stream<String> streams() {
        return STREAMS.stream();
    }

    private static Path path(String stream) {
        return Recordings.root().resolve(stream);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("streamsAndContainers")
    void everyContainerGivesTheSameCompletion(String stream, Container container) {
        Completion original = ChunkAssembler.assemble(path(stream));
        List<JsonNode> chunks = ContainerForms.read(Recordings.bytes(path(stream)));
        assertThat(chunks).as("chunks read back by the test").hasSize(original.chunkCount());

        Completion rewritten = ChunkAssembler.assemble(ContainerForms.write(container, chunks));

        Recordings.assertSameJson(rewritten.toJson(), original.toJson());
        assertThat(rewritten.chunkCount()).as("chunkCount").isEqualTo(original.chunkCount());
        assertThat(rewritten.warnings()).as("warnings").isEqualTo(original.warnings());
        assertThat(rewritten).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void containersAgreeWithEachOther(String stream) {
        List<JsonNode> chunks = ContainerForms.read(Recordings.bytes(path(stream)));
        Completion first = ChunkAssembler.assemble(ContainerForms.write(Container.values()[0], chunks));
        for (Container container : Container.values()) {
            assertThat(ChunkAssembler.assemble(ContainerForms.write(container, chunks)))
                    .as(container.name()).isEqualTo(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void bytesStreamsAndFilesAgree(String stream, @TempDir Path dir) throws IOException {
        byte[] bytes = Recordings.bytes(path(stream));
        Completion fromBytes = ChunkAssembler.assemble(bytes);
        Completion fromPath = ChunkAssembler.assemble(path(stream));
        Completion fromStream = ChunkAssembler.assemble(new ByteArrayInputStream(bytes));
        Path copy = Files.write(dir.resolve("copy-" + path(stream).getFileName()), bytes);
        assertThat(fromPath).isEqualTo(fromBytes);
        assertThat(fromStream).isEqualTo(fromBytes);
        assertThat(ChunkAssembler.assemble(copy)).isEqualTo(fromBytes);
    }

    /** A stream read a few bytes at a time: CRLF pairs, UTF-8 sequences and tokens split across reads. */
    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("streamsAndContainers")
    void trickledInputGivesTheSameCompletion(String stream, Container container) {
        List<JsonNode> chunks = ContainerForms.read(Recordings.bytes(path(stream)));
        byte[] bytes = ContainerForms.write(container, chunks);
        Completion whole = ChunkAssembler.assemble(bytes);
        Completion trickled = ChunkAssembler.assemble(new Trickle(new ByteArrayInputStream(bytes)));
        assertThat(trickled).isEqualTo(whole);
    }

    @Test
    void theHelperWritesWhatItSays() {
        List<JsonNode> chunks = ContainerForms.read(Recordings.bytes(path("synthetic/anthropic.messages-thinking-tools.sse")));
        assertThat(chunks).hasSize(41);
        String sse = new String(ContainerForms.write(Container.SSE_CRLF_COMMENTS_DONE, chunks));
        assertThat(sse).startsWith(": ").contains("\r\nevent: message_start\r\ndata: {")
                .endsWith("data: [DONE]\r\n\r\n").doesNotContain("}\n");
        String typed = new String(ContainerForms.write(Container.LLAMA_TYPED_DATA_FIRST, chunks));
        assertThat(typed.indexOf("__data__")).isLessThan(typed.indexOf("__type__"));
        assertThat(ContainerForms.read(ContainerForms.write(Container.LLAMA_SSE_LINES, chunks))).isEqualTo(chunks);
        assertThat(ContainerForms.read(ContainerForms.write(Container.JSON_LINES, chunks))).isEqualTo(chunks);
    }

    /** Returns 1 to 7 bytes per read. */
    static final class Trickle extends FilterInputStream {
        private int n;

        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            n = n % 7 + 1;
            return super.read(b, off, Math.min(len, n));
        }
    }
}
