package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Inputs that hold several responses one after another (an agent loop recorded in one file):
 * {@code assembleAll} gives each as it would be alone, {@code assemble} refuses them in strict
 * mode, and the incremental assembler agrees in any split.
 */
class SeveralResponsesTest {

    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);

    /** Recordings of one format and container, concatenated as one file would hold them. */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("Responses, four cycles", List.of("synthetic/openai.responses-text-call-reasoning.sse",
                        "synthetic/openai.responses-web-search-text.sse", "synthetic/openai.responses-text-call-reasoning.sse",
                        "synthetic/openai.responses-web-search-text.sse")),
                Arguments.of("Anthropic, two messages", List.of("synthetic/anthropic.messages-thinking-tools.sse",
                        "synthetic/anthropic.messages-server-tools-redacted.sse")),
                Arguments.of("chat, two streams", List.of("synthetic/openai.chat-two-choices.sse",
                        "synthetic/openai.chat-groq-usage-in-x-groq.sse")),
                Arguments.of("Interactions, two", List.of("synthetic/gemini.interactions-thought-text.sse",
                        "synthetic/gemini.interactions-function-call.sse")),
                Arguments.of("Cohere, twice", List.of("synthetic/cohere.chat-thinking-citations.sse",
                        "synthetic/cohere.chat-thinking-citations.sse")),
                Arguments.of("Ollama, two", List.of("synthetic/ollama.chat-text.jsonl",
                        "synthetic/ollama.chat-thinking-tool-calls.jsonl")),
                Arguments.of("Bedrock, two", List.of("real/bedrock-converse-reasoning-text--vercel-ai.jsonl",
                        "real/bedrock-converse-tool-call--vercel-ai.jsonl")),
                Arguments.of("Gemini, two", List.of("synthetic/gemini-citations-per-chunk.sse",
                        "synthetic/gemini-vertex-partial-args.sse")));
    }

    private static byte[] concatenated(List<String> recordings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String r : recordings) {
            byte[] bytes = Files.readAllBytes(TestRecordings.path(r));
            out.write(bytes);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                out.write('\n');
            }
            out.write('\n'); // a blank line ends an SSE event; JSON Lines pass over it
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void eachResponseIsWhatItIsAlone(String name, List<String> recordings) throws IOException {
        List<Completion> all = ChunkAssembler.assembleAll(concatenated(recordings));

        assertThat(all).hasSize(recordings.size());
        for (int i = 0; i < recordings.size(); i++) {
            Completion alone = TestRecordings.assemble(recordings.get(i));
            Completion got = all.get(i);
            assertThat(got.text()).as("response %d text", i).isEqualTo(alone.text());
            assertThat(got.reasoning()).as("response %d reasoning", i).isEqualTo(alone.reasoning());
            assertThat(got.choices()).as("response %d choices", i).isEqualTo(alone.choices());
            assertThat(got.id()).as("response %d id", i).isEqualTo(alone.id());
            assertThat(got.model()).as("response %d model", i).isEqualTo(alone.model());
            assertThat(got.usage()).as("response %d usage", i).isEqualTo(alone.usage());
            assertThat(got.extra()).as("response %d extra", i).isEqualTo(alone.extra());
            assertThat(got.chunkCount()).as("response %d chunks", i).isEqualTo(alone.chunkCount());
            assertThat(got.incomplete()).as("response %d incomplete", i).isEqualTo(alone.incomplete());
            assertThat(codes(got)).as("response %d warnings", i).isEqualTo(codes(alone));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void assembleRefusesSeveralNamingAssembleAll(String name, List<String> recordings) throws IOException {
        byte[] input = concatenated(recordings);
        int firstChunks = TestRecordings.assemble(recordings.get(0)).chunkCount();

        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(input));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(e.getMessage()).contains("holds " + recordings.size() + " responses", "assembleAll");
        assertThat(e.problem().chunk()).isGreaterThan(firstChunks);
        assertThat(e.problem().line()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void lenientAssembleGivesTheFirstWithAProblem(String name, List<String> recordings) throws IOException {
        Completion first = ChunkAssembler.assemble(concatenated(recordings), LENIENT);

        Completion alone = TestRecordings.assemble(recordings.get(0));
        assertThat(first.choices()).isEqualTo(alone.choices());
        assertThat(first.incomplete()).isTrue();
        assertThat(first.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
            assertThat(p.message()).contains("holds " + recordings.size() + " responses");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void incrementalGivesEveryResponseInAnySplitAndTellsEachAsItEnds(String name, List<String> recordings)
            throws IOException {
        byte[] input = concatenated(recordings);
        List<Completion> batch = ChunkAssembler.assembleAll(input);
        Random random = new Random(name.hashCode());
        for (int round = 0; round < 20; round++) {
            List<Completion> heard = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.builder()
                    .listener(new AssemblyListener() {
                        @Override
                        public void onResponseFinished(int response, Completion completion) {
                            positions.add(response);
                            heard.add(completion);
                        }
                    }).build());
            for (int at = 0; at < input.length; ) {
                int n = Math.min(input.length - at, 1 + random.nextInt(round < 10 ? 7 : 400));
                assembler.feed(input, at, n);
                at += n;
            }
            List<Completion> all = assembler.finishAll();

            assertThat(all).isEqualTo(batch);
            assertThat(heard).isEqualTo(batch);
            assertThat(positions).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, batch.size()).boxed().toList());
        }
    }

    @Test
    void theListenerHearsAResponseEndWhenTheNextBegins() throws IOException {
        byte[] input = concatenated(List.of("synthetic/anthropic.messages-thinking-tools.sse",
                "synthetic/anthropic.messages-server-tools-redacted.sse"));
        int second = indexOf(input, "event: message_start", 1);
        List<Integer> ended = new ArrayList<>();
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.builder()
                .listener(new AssemblyListener() {
                    @Override
                    public void onResponseFinished(int response, Completion completion) {
                        ended.add(response);
                    }
                }).build());

        assembler.feed(input, 0, second);
        assertThat(ended).isEmpty(); // the first message ended, but nothing says no more of it comes
        int end = indexOf(input, "\n\n", second) + 2;
        assembler.feed(input, second, end - second);
        assertThat(ended).containsExactly(0);
        assertThat(assembler.snapshot().id()).isEqualTo(ChunkAssembler.assembleAll(input).get(1).id());

        assembler.feed(input, end, input.length - end);
        assertThat(assembler.finishAll()).hasSize(2);
        assertThat(ended).containsExactly(0, 1);
    }

    @Test
    void strictFinishRefusesSeveralAsAssembleDoes() throws IOException {
        byte[] input = concatenated(List.of("synthetic/ollama.chat-text.jsonl", "synthetic/ollama.chat-text.jsonl"));

        AssemblyException batch = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(input));
        AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental().feed(input).finish());

        assertThat(incremental.problem()).isEqualTo(batch.problem());
        assertThat(batch.problem().chunk()).isEqualTo(5);
    }

    /* ---------------------------------------------------------------------------------------
     * The rules at the edges
     * ------------------------------------------------------------------------------------- */

    private static final String START = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"%s\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"usage\":{\"input_tokens\":3,"
            + "\"output_tokens\":1}}}\n\n";
    private static final String TEXT = "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\nevent: content_block_delta\ndata: {\"type\":"
            + "\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"%s\"}}\n\n";
    private static final String STOP = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            + "\"usage\":{\"output_tokens\":5}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    @Test
    void aMessageStartWhileTheMessageIsOpenIsALocatedErrorInStrictMode() {
        byte[] input = utf8(START.formatted("msg_1") + TEXT.formatted("cut") + START.formatted("msg_2")
                + TEXT.formatted("whole") + STOP);

        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(input));

        assertThat(e.getMessage()).contains("message_stop", "still open");
        assertThat(e.problem().chunk()).isEqualTo(4);
        assertThat(e.problem().line()).isEqualTo(11);
        assertThat(catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assembleAll(input)).problem())
                .isEqualTo(e.problem());
    }

    @Test
    void lenientModeEndsTheOpenMessageAsTruncatedWithTheProblemAndGoesOn() {
        byte[] input = utf8(START.formatted("msg_1") + TEXT.formatted("cut") + START.formatted("msg_2")
                + TEXT.formatted("whole") + STOP);

        List<Completion> all = ChunkAssembler.assembleAll(input, LENIENT);

        assertThat(all).hasSize(2);
        assertThat(all.get(0).text()).isEqualTo("cut");
        assertThat(all.get(0).incomplete()).isTrue();
        assertThat(all.get(0).problems()).singleElement().satisfies(p -> assertThat(p.chunk()).isEqualTo(4));
        assertThat(all.get(0).chunkCount()).isEqualTo(3);
        assertThat(all.get(1).id()).isEqualTo("msg_2");
        assertThat(all.get(1).text()).isEqualTo("whole");
        assertThat(all.get(1).finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(all.get(1).incomplete()).isFalse();
        assertThat(all.get(1).problems()).isEmpty();
        assertThat(all.get(1).chunkCount()).isEqualTo(6);
        assertThat(ChunkAssembler.incremental(LENIENT).feed(input).finishAll()).isEqualTo(all);
    }

    private static String chat(String id, String delta, String finish) {
        return "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m-" + id
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    @Test
    void aChatUsageChunkUnderAnIdOfItsOwnStaysWithTheResponseItFollows() {
        byte[] input = utf8(chat("a", "{\"role\":\"assistant\",\"content\":\"hi\"}", "null")
                + chat("a", "{}", "\"stop\"")
                + "data: {\"id\":\"other\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m-a\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\n"
                + "data: [DONE]\n\n");

        List<Completion> all = ChunkAssembler.assembleAll(input);

        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("a");
            assertThat(c.usage().inputTokens()).isEqualTo(3L);
            assertThat(c.warnings()).extracting(Warning::code).containsExactly(Warning.Code.ID_CHANGED);
        });
    }

    @Test
    void aChatChunkWithANewIdAfterTheFinishBeginsTheNextResponseWithItsHeader() {
        byte[] input = utf8(chat("a", "{\"role\":\"assistant\",\"content\":\"one\"}", "\"stop\"") + "data: [DONE]\n\n"
                + chat("b", "{\"role\":\"assistant\",\"content\":\"two\"}", "null") + chat("b", "{}", "\"length\"")
                + "data: [DONE]\n\n");

        List<Completion> all = ChunkAssembler.assembleAll(input);

        assertThat(all).extracting(Completion::id).containsExactly("a", "b");
        assertThat(all).extracting(Completion::model).containsExactly("m-a", "m-b");
        assertThat(all).extracting(Completion::text).containsExactly("one", "two");
        assertThat(all).extracting(Completion::finishReason).containsExactly(FinishReason.STOP, FinishReason.LENGTH);
        assertThat(all).extracting(Completion::chunkCount).containsExactly(1, 2);
        assertThat(all.get(1).created()).isEqualTo(1L);
        assertThat(all).allSatisfy(c -> assertThat(c.warnings()).isEmpty());
    }

    @Test
    void aProxyThatSaysStopOnEveryChunkUnderNewIdsFoldsAsOneResponse() {
        byte[] input = utf8(chat("a", "{\"role\":\"assistant\",\"content\":\"one \"}", "\"stop\"")
                + chat("b", "{\"content\":\"two\"}", "\"stop\"") + "data: [DONE]\n\n");

        List<Completion> all = ChunkAssembler.assembleAll(input);

        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("one two");
            assertThat(c.id()).isEqualTo("a");
            assertThat(c.warnings()).extracting(Warning::code).contains(Warning.Code.ID_CHANGED);
        });
    }

    private static String gemini(String text, String responseId) {
        return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + text
                + "\"}]},\"finishReason\":\"STOP\",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\""
                + (responseId == null ? "" : ",\"responseId\":\"" + responseId + "\"") + "}\n\n";
    }

    @Test
    void geminiSayingStopOnEveryChunkIsOneResponseUntilTheResponseIdChanges() {
        byte[] sameId = utf8(gemini("one ", "r1") + gemini("two", "r1"));
        byte[] noId = utf8(gemini("one ", null) + gemini("two", null));
        byte[] trailer = utf8(gemini("one", "r1") + "data: {\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1,\"totalTokenCount\":5},"
                + "\"responseId\":\"r1\"}\n\n");
        byte[] twoIds = utf8(gemini("one", "r1") + gemini("two", "r2") + gemini(" more", "r2"));

        assertThat(ChunkAssembler.assembleAll(sameId)).extracting(Completion::text).containsExactly("one two");
        assertThat(ChunkAssembler.assembleAll(noId)).extracting(Completion::text).containsExactly("one two");
        assertThat(ChunkAssembler.assembleAll(trailer)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("one");
            assertThat(c.usage().inputTokens()).isEqualTo(4L);
        });
        List<Completion> two = ChunkAssembler.assembleAll(twoIds);
        assertThat(two).extracting(Completion::id).containsExactly("r1", "r2");
        assertThat(two).extracting(Completion::text).containsExactly("one", "two more");
        assertThat(ChunkAssembler.incremental().feed(twoIds).finishAll()).isEqualTo(two);
    }

    @Test
    void anErrorInCandidatesAfterTheFinishNamesWhereItStood() {
        byte[] input = utf8(gemini("one", "r1") + "data: {\"candidates\":[{\"content\":{\"parts\":7},\"index\":0}],"
                + "\"responseId\":\"r2\"}\n\n");

        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assembleAll(input));

        assertThat(e.problem().chunk()).isEqualTo(2);
        assertThat(e.problem().line()).isEqualTo(3);
        assertThat(e.problem().path()).startsWith("$.candidates[0].content");
    }

    @Test
    void wholeResponsesInOneArrayAreOneResponseEach() {
        String one = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":5,\"model\":\"gpt\",\"choices\":"
                + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"first\"},\"finish_reason\":\"stop\"}]}";
        String two = "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"second\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":1,"
                + "\"output_tokens\":1}}";
        String three = one.replace("chatcmpl-1", "chatcmpl-3").replace("first", "third");

        List<Completion> chat = ChunkAssembler.assembleAll(utf8("[" + one + "," + three + "]"));
        List<Completion> anthropic = ChunkAssembler.assembleAll(utf8(two + "\n" + two.replace("msg_2", "msg_4") + "\n"));

        assertThat(chat).extracting(Completion::text).containsExactly("first", "third");
        assertThat(chat).allSatisfy(c -> {
            assertThat(c.streamed()).isFalse();
            assertThat(c.incomplete()).isFalse();
        });
        assertThat(anthropic).extracting(Completion::id).containsExactly("msg_2", "msg_4");
        assertThat(anthropic).extracting(Completion::text).containsExactly("second", "second");
        assertThat(anthropic).allSatisfy(c -> assertThat(c.streamed()).isFalse());
    }

    @Test
    void oneResponseIsAListOfOneAndAnEmptyStreamToo() {
        assertThat(ChunkAssembler.assembleAll(TestRecordings.path("synthetic/openai.chat-two-choices.sse")))
                .containsExactly(TestRecordings.assemble("synthetic/openai.chat-two-choices.sse"));
        assertThat(ChunkAssembler.assembleAll(utf8("[]"))).singleElement()
                .satisfies(c -> assertThat(c.incomplete()).isTrue());
    }

    private static List<Warning.Code> codes(Completion c) {
        return c.warnings().stream().map(Warning::code).toList();
    }

    private static int indexOf(byte[] input, String what, int from) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        return text.indexOf(what, from);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
