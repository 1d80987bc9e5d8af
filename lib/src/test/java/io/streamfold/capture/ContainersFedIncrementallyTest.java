package io.streamfold.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.IncrementalAssembler;
import io.streamfold.TestRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A container fed to the incremental assembler (a cassette, a HAR, WireMock stubs, a replay file,
 * gzip) is held as it arrives and read whole at the end: what it gives, every response with its
 * source, or the error, is what {@code assembleAll} and {@code assemble} give for the same bytes,
 * however the bytes were split.
 */
class ContainersFedIncrementallyTest {

    private static final AssemblerOptions STRICT = AssemblerOptions.defaults();
    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);

    static Stream<String> containers() {
        return Stream.of("containers/vcrpy-chat.yaml", "containers/vcrpy-chat.json", "containers/vcrpy-chat.yaml.gz",
                "containers/ruby-vcr-chat.yml", "containers/ruby-vcr-chat.json", "containers/chat.har",
                "containers/eventsource.har", "containers/gemini-stream.har", "containers/genai-replay.json",
                "containers/wiremock/mappings/several.json", "real/vcrpy-cassette-openai-chat-stream--pydantic-ai.yaml",
                "real/ruby-vcr-cassette-deepseek-stream--ruby-openai.yml");
    }

    private static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(TestRecordings.path(name));
    }

    /** Fed cut at {@code cuts} (ascending), then finished with finishAll. */
    private static List<Completion> fedAll(byte[] input, int[] cuts, AssemblerOptions options) {
        IncrementalAssembler assembler = ChunkAssembler.incremental(options);
        int at = 0;
        for (int cut : cuts) {
            assembler.feed(input, at, cut - at);
            at = cut;
        }
        assembler.feed(input, at, input.length - at);
        return assembler.finishAll();
    }

    private static int[] randomCuts(Random random, int length, int count) {
        return random.ints(count, 0, length + 1).sorted().toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void everyResponseIsWhatAssembleAllGivesInAnySplit(String name) throws IOException {
        byte[] input = bytes(name);
        Random random = new Random(name.hashCode());
        for (AssemblerOptions options : List.of(STRICT, LENIENT)) {
            List<Completion> whole = ChunkAssembler.assembleAll(input, options);
            assertThat(whole).as(name).isNotEmpty();
            List<int[]> splits = List.of(new int[0], new int[] {1}, new int[] {7, 8, 9}, randomCuts(random, input.length, 5),
                    randomCuts(random, input.length, 60), java.util.stream.IntStream.range(1, Math.min(input.length, 400)).toArray());
            for (int[] cuts : splits) {
                List<Completion> fed = fedAll(input, cuts, options);
                assertThat(fed).as("%s cut at %s", name, Arrays.toString(cuts)).isEqualTo(whole);
                assertThat(fed).extracting(Completion::source).isEqualTo(whole.stream().map(Completion::source).toList());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void finishGivesWhatAssembleGivesOneResponseOrItsError(String name) throws IOException {
        byte[] input = bytes(name);
        for (AssemblerOptions options : List.of(STRICT, LENIENT)) {
            IncrementalAssembler assembler = ChunkAssembler.incremental(options);
            assembler.feed(input, 0, input.length / 2);
            assembler.feed(input, input.length / 2, input.length - input.length / 2);
            try {
                Completion one = ChunkAssembler.assemble(input, options);
                assertThat(assembler.finish()).as(name).isEqualTo(one);
            } catch (AssemblyException expected) {
                assertThatThrownBy(assembler::finish).as(name).isInstanceOfSatisfying(AssemblyException.class,
                        e -> assertThat(e.problem()).isEqualTo(expected.problem()));
            }
            assertThatThrownBy(assembler::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aCassetteCutShortFailsAsAssembleFailsOnIt(String name) throws IOException {
        byte[] input = bytes(name);
        Random random = new Random(name.hashCode() + 1);
        for (int i = 0; i < 20; i++) {
            byte[] cut = Arrays.copyOf(input, 20 + random.nextInt(input.length - 20));
            String what;
            try {
                what = ChunkAssembler.assembleAll(cut, STRICT).toString();
            } catch (AssemblyException e) {
                what = e.problem().toString();
            }
            String fed;
            try {
                fed = fedAll(cut, randomCuts(random, cut.length, 8), STRICT).toString();
            } catch (AssemblyException e) {
                fed = e.problem().toString();
            }
            assertThat(fed).as("%s cut to %d bytes", name, cut.length).isEqualTo(what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void nothingIsFoldedBeforeTheEnd(String name) throws IOException {
        byte[] input = bytes(name);
        IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feed(input, 0, input.length);
        assertThat(assembler.snapshot().choices()).as("a container is read whole, at the end").isEmpty();
        assertThat(assembler.finishAll()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void aStreamThatOnlyLooksLikeACassetteAtFirstIsReadAsTheStream() {
        byte[] sse = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"interactions:\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
                .getBytes(StandardCharsets.UTF_8);
        Completion whole = ChunkAssembler.assemble(sse);
        assertThat(fedAll(sse, java.util.stream.IntStream.range(1, sse.length).toArray(), STRICT)).containsExactly(whole);
        assertThat(whole.text()).isEqualTo("interactions:");
    }
    @org.junit.jupiter.api.Test
    void aContainerWithNoLlmResponseGivesNoneAndFailsItsCompletion() {
        byte[] har = ("{\"log\": {\"version\": \"1.2\", \"entries\": [{\"request\": {\"method\": \"GET\", \"url\":"
                + " \"https://api.openai.com/v1/models\"}, \"response\": {\"status\": 200, \"content\": {\"mimeType\":"
                + " \"application/json\", \"text\": \"{\\\"object\\\":\\\"list\\\",\\\"data\\\":[]}\"}}}]}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ChunkAssembler.assembleAll(har)).isEmpty();
        IncrementalAssembler all = ChunkAssembler.incremental();
        all.feed(har, 0, 10);
        all.feed(har, 10, har.length - 10);
        assertThat(all.finishAll()).isEmpty();
        assertThat(all.completion()).isCompletedExceptionally();
        assertThat(all.completion().handle((c, e) -> ((AssemblyException) e).problem().kind()).join())
                .isEqualTo(io.streamfold.Problem.Kind.NOT_A_STREAM);

        IncrementalAssembler one = ChunkAssembler.incremental();
        one.feed(har, 0, har.length);
        assertThatThrownBy(one::finish).isInstanceOfSatisfying(AssemblyException.class,
                e -> assertThat(e.problem()).isEqualTo(catchProblem(har)));
    }

    private static io.streamfold.Problem catchProblem(byte[] input) {
        try {
            ChunkAssembler.assemble(input);
            throw new AssertionError("assemble gave a completion");
        } catch (AssemblyException e) {
            return e.problem();
        }
    }
    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aDamagedContainerIsLenientlyOneEmptyCompletionWithItsProblem(String name) throws IOException {
        byte[] input = bytes(name);
        byte[] cut = Arrays.copyOf(input, input.length * 2 / 3);
        List<Completion> whole;
        try {
            whole = ChunkAssembler.assembleAll(cut, LENIENT);
        } catch (AssemblyException e) {
            assertThat(e.kind()).as(name).isEqualTo(io.streamfold.Problem.Kind.NOT_A_STREAM);
            return;
        }
        assertThat(whole).as(name).isNotEmpty();
        assertThat(fedAll(cut, randomCuts(new Random(3), cut.length, 9), LENIENT)).as(name).isEqualTo(whole);
        Completion last = whole.get(whole.size() - 1);
        if (last.choices().isEmpty() && last.chunkCount() == 0) {
            // the container itself could not be read: nothing folded, the problem says where
            assertThat(last.incomplete()).isTrue();
            assertThat(last.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isIn(
                    io.streamfold.Problem.Kind.MALFORMED, io.streamfold.Problem.Kind.IO, io.streamfold.Problem.Kind.UNEXPECTED));
        }
    }
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"real/chat-one-tool-call--75ae2f583e3e.json",
        "real/anthropic-messages-sse--f22657bfd86d.json", "containers/chat-stream.sse", "containers/gemini-stream.sse",
        "real/bedrock-converse-tool-call--vercel-ai.jsonl"})
    void aPlainRecordingFedIncrementallyHasTheSourceAssembleGives(String name) throws IOException {
        byte[] input = bytes(name);
        List<Completion> whole = ChunkAssembler.assembleAll(input);
        for (int[] cuts : List.of(new int[0], new int[] {1, 2, 3}, randomCuts(new Random(5), input.length, 30))) {
            List<Completion> fed = fedAll(input, cuts, STRICT);
            assertThat(fed).isEqualTo(whole);
            assertThat(fed).extracting(Completion::source).as(name).isEqualTo(whole.stream().map(Completion::source).toList());
        }
        IncrementalAssembler one = ChunkAssembler.incremental();
        one.feed(input, 0, input.length);
        assertThat(one.finish().source()).isEqualTo(ChunkAssembler.assemble(input).source());
    }
}
