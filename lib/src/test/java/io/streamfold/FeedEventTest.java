package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Framed events, as OkHttp's EventSource, Spring's ServerSentEvent or LangChain4j deliver them:
 * over every recording (bundled and shared), the events split out of its raw SSE fold to what the
 * raw bytes give, in strict and lenient mode, and {@code [DONE]} and empty data add nothing.
 */
class FeedEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AssemblerOptions STRICT = AssemblerOptions.defaults();
    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);

    static Stream<Path> recordings() {
        List<Path> all = new ArrayList<>(TestRecordings.all("."));
        Path shared = Path.of("/work/shared/recordings");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> walk = Files.walk(shared)) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|jsonl|ndjson|sse)$"))
                        .sorted().forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void eventsFoldAsTheirRawBytesDo(Path recording) {
        byte[] sse = SseForms.of(recording);
        List<SseEventSplitter.Event> events = SseEventSplitter.split(sse);
        for (AssemblerOptions options : new AssemblerOptions[] {STRICT, LENIENT}) {
            Object raw = outcome(() -> ChunkAssembler.assemble(sse, options));
            Object framed = outcome(() -> {
                IncrementalAssembler assembler = ChunkAssembler.incremental(options);
                for (SseEventSplitter.Event event : events) {
                    assembler.feedEvent(event.name(), event.data());
                }
                return assembler.finish();
            });
            assertThat(framed).as("%s, lenient %s", recording, options.lenient()).isEqualTo(raw);
        }
    }

    /** A completion with its problems' locations dropped (the SSE text of events has lines of its own), or the problem's kind, message and chunk. */
    private static Object outcome(java.util.function.Supplier<Completion> fold) {
        try {
            Completion c = fold.get();
            List<String> problems = c.problems().stream().map(p -> p.kind() + " " + p.message() + " chunk " + p.chunk()).toList();
            return List.of(new Completion(c.format(), c.id(), c.model(), c.created(), c.systemFingerprint(), c.serviceTier(),
                    c.choices(), c.usage(), c.extra(), c.chunkCount(), c.incomplete(), c.warnings(), List.of(),
                    c.streamed()), problems);
        } catch (AssemblyException e) {
            return e.kind() + " " + e.getOriginalMessage() + " chunk " + e.chunk();
        }
    }

    @Test
    void doneAndEmptyDataAddNothing() {
        byte[] sse = SseForms.of(TestRecordings.path("real/anthropic-messages-sse--f22657bfd86d.json"));
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feedEvent("[DONE]").feedEvent("").feedEvent("ping", "  ");
        assertThat(assembler.snapshot().chunkCount()).isZero();
        for (SseEventSplitter.Event event : SseEventSplitter.split(sse)) {
            assembler.feedEvent(event.name(), event.data()).feedEvent("").feedEvent(null, "[DONE]");
        }
        Completion completion = assembler.finish();
        assertThat(completion).isEqualTo(ChunkAssembler.assemble(sse));
        assertThat(completion.text()).isEqualTo("1, 2, 3, 4, 5");
    }

    @Test
    void aBareDoneIsNoLongerAnError() {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feedEvent("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}");
        assembler.feedEvent("[DONE]");
        Completion completion = assembler.finish();
        assertThat(completion.text()).isEqualTo("Hi");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(assembler.completion()).isCompletedWithValue(completion);
    }

    @Test
    void multiLineDataIsOneChunk() {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feedEvent("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\n\"choices\":[{\"index\":0,\r\n"
                + "\"delta\":{\"content\":\"Hi\"},\r\"finish_reason\":\"stop\"}]}");
        Completion completion = assembler.finish();
        assertThat(completion.chunkCount()).isEqualTo(1);
        assertThat(completion.text()).isEqualTo("Hi");
    }

    /** Bedrock events as an event-stream client decodes them: the event type apart from the payload. */
    @Test
    void bedrockEventsByTypeFoldAsTheRawFramesDo() throws IOException {
        Path jsonl = TestRecordings.path("real/bedrock-converse-tool-call--vercel-ai.jsonl");
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map.Entry<String, JsonNode> event = JSON.readTree(line).fields().next();
            assembler.feedEvent(event.getKey(), JSON.writeValueAsString(event.getValue()));
        }
        Completion completion = assembler.finish();
        assertThat(completion).isEqualTo(ChunkAssembler.assemble(Files.readAllBytes(jsonl)));
        assertThat(completion.format()).isEqualTo(Format.BEDROCK_CONVERSE);
        assertThat(completion.message().toolCalls()).isNotEmpty();
    }

    @Test
    void aDamagedEventIsALocatedErrorNamingItsChunk() {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feedEvent("{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[]}}");
        assertThatThrownBy(() -> {
            assembler.feedEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":");
            assembler.feedEvent("{\"type\":\"message_stop\"}");
            assembler.finish();
        }).isInstanceOfSatisfying(AssemblyException.class, e -> {
            assertThat(e.chunk()).isEqualTo(2);
            assertThat(e.line()).isPositive();
        });
    }

    @Test
    void eventsAfterFinishAreRefused() {
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feedEvent("[DONE]");
        assertThat(assembler.finish()).isEqualTo(ChunkAssembler.assemble("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> assembler.feedEvent("[DONE]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> assembler.feedEvent("{}")).isInstanceOf(IllegalStateException.class);
    }
}
