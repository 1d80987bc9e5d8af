package io.streamfold.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import io.streamfold.Problem;
import io.streamfold.ProviderError;
import io.streamfold.Source;
import io.streamfold.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each container kind gives every LLM response it holds, in order, with where it came from; the
 * other exchanges (a model list, embeddings, an HTML page) are passed over.
 */
class ContainerRecordingsTest {

    private static final String CHAT = "https://api.openai.com/v1/chat/completions";
    private static final String PARIS = "The capital of France is Paris.";

    private static List<Integer> entries(List<Completion> completions) {
        return completions.stream().map(c -> c.source().entry()).toList();
    }

    @Test
    void aVcrpyCassetteGivesItsStreamItsWholeResponseAndItsRateLimitError() {
        List<Completion> all = Containers.all("containers/vcrpy-chat.yaml");

        assertThat(entries(all)).as("the model list at entry 0 is passed over").containsExactly(1, 2, 3);
        Completion stream = all.get(0);
        assertThat(stream.text()).isEqualTo(PARIS);
        assertThat(stream.streamed()).isTrue();
        assertThat(stream.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(stream.usage().outputTokens()).isEqualTo(7L);
        assertThat(stream.source()).isEqualTo(new Source(TestRecordings.path("containers/vcrpy-chat.yaml").toString(),
                Source.Container.VCR, 1, "POST", CHAT, null));

        Completion whole = all.get(1);
        assertThat(whole.streamed()).as("parsed_body holds a whole chat.completion").isFalse();
        assertThat(whole.text()).isEqualTo("Berlin is the capital of Germany.");

        Completion limited = all.get(2);
        ProviderError error = limited.error().orElseThrow();
        assertThat(error.code()).isEqualTo("rate_limit_exceeded");
        assertThat(error.message()).startsWith("Rate limit reached for gpt-4o-mini");
        assertThat(limited.incomplete()).isTrue();
        assertThat(limited.format()).as("an error body tells no format; its URL does").isEqualTo(Format.OPENAI_CHAT);
    }

    @Test
    void itsJsonSerialisationAndItsGzipReadTheSame() {
        List<Completion> yaml = Containers.all("containers/vcrpy-chat.yaml");
        assertThat(Containers.all("containers/vcrpy-chat.json")).isEqualTo(yaml);
        assertThat(Containers.all("containers/vcrpy-chat.yaml.gz")).isEqualTo(yaml);
        assertThat(Containers.all("containers/vcrpy-chat.yaml.gz").get(2).source().entry()).isEqualTo(3);
    }

    @Test
    void aRubyVcrCassetteDecodesItsBinaryBodyAndPassesOverEmbeddings() {
        List<Completion> yaml = Containers.all("containers/ruby-vcr-chat.yml");
        assertThat(entries(yaml)).containsExactly(1);
        assertThat(yaml.get(0).text()).isEqualTo(PARIS);
        assertThat(yaml.get(0).source().container()).isEqualTo(Source.Container.RUBY_VCR);
        assertThat(yaml.get(0).source().method()).as("Ruby writes post").isEqualTo("POST");

        List<Completion> json = Containers.all("containers/ruby-vcr-chat.json");
        assertThat(json).hasSize(1);
        assertThat(json.get(0)).as("base64_string").isEqualTo(yaml.get(0));
        assertThat(json.get(0).source().entry()).isEqualTo(0);
    }

    @Test
    void aHarGivesTheStreamsTheMessageAndTheOverloadedError() {
        List<Completion> all = Containers.all("containers/chat.har");

        assertThat(entries(all)).as("the page (0) and the embeddings (3) are passed over").containsExactly(1, 2, 4, 5);
        assertThat(all.get(0).text()).isEqualTo(PARIS);
        assertThat(all.get(1)).as("encoding: base64").isEqualTo(all.get(0));
        assertThat(all.get(2).format()).isEqualTo(Format.ANTHROPIC_MESSAGES);
        assertThat(all.get(2).text()).isEqualTo("Rome is the capital of Italy.");
        assertThat(all.get(2).source().url()).isEqualTo("https://api.anthropic.com/v1/messages");
        assertThat(all.get(3).error().orElseThrow().type()).isEqualTo("overloaded_error");
        assertThat(all.get(3).format()).isEqualTo(Format.ANTHROPIC_MESSAGES);
        assertThat(all.get(3).source().container()).isEqualTo(Source.Container.HAR);
    }

    @Test
    void eventSourceMessagesOfAHarAreTheStream() {
        List<Completion> all = Containers.all("containers/eventsource.har");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).text()).isEqualTo(PARIS);
        assertThat(all.get(0).source().method()).isEqualTo("GET");
    }

    @Test
    void aWireMockStubReadsItsBodyFileFromFiles() {
        Completion c = ChunkAssembler.assemble(TestRecordings.path("containers/wiremock/mappings/chat-stream.json"));
        assertThat(c.text()).isEqualTo(PARIS);
        assertThat(c.source().container()).isEqualTo(Source.Container.WIREMOCK);
        assertThat(c.source().entry()).as("a file of one stub is no list").isNull();
        assertThat(c.source().url()).as("urlPath").isEqualTo("/v1/chat/completions");
    }

    @Test
    void wireMockMappingsGiveBase64AndJsonBodiesAndTheErrorStub() {
        List<Completion> all = Containers.all("containers/wiremock/mappings/several.json");
        assertThat(entries(all)).containsExactly(1, 2, 3);
        assertThat(all.get(0).text()).isEqualTo(PARIS);
        assertThat(all.get(1).text()).isEqualTo("Berlin is the capital of Germany.");
        assertThat(all.get(2).error().orElseThrow().code()).isEqualTo("rate_limit_exceeded");
        assertThat(all.get(2).source().url()).as("urlPathPattern").isEqualTo("/v1/chat/.*");
    }

    /**
     * A stub matched by a regular expression still names its endpoint: the pattern's wildcard
     * tail ({@code .*}, {@code $}, an optional query) is no part of the path, so an error body,
     * which tells no format itself, gets its provider's.
     */
    @Test
    void anErrorStubMatchedByAPatternGetsTheFormatItsPathNames() {
        String error = "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Slow down\"}}";
        for (String[] stub : new String[][] {{"urlPathPattern", "/v1/chat/completions.*", "OPENAI_CHAT"},
                {"urlPattern", "/v1/messages\\\\?.*", "ANTHROPIC_MESSAGES"},
                {"urlPathPattern", "^/v1/responses$", "OPENAI_RESPONSES"},
                {"urlPathPattern", "/model/[^/]+/converse-stream/?", "BEDROCK_CONVERSE"}}) {
            String mappings = "{\"mappings\":[{\"request\":{\"method\":\"POST\",\"" + stub[0] + "\":\"" + stub[1]
                    + "\"},\"response\":{\"status\":429,\"body\":" + "\"" + error.replace("\"", "\\\"") + "\"}}]}";
            Completion c = ChunkAssembler.assemble(mappings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(c.format()).as(stub[1]).isEqualTo(Format.valueOf(stub[2]));
            assertThat(c.error().orElseThrow().message()).isEqualTo("Slow down");
        }
    }

    @Test
    void aGenaiReplayFileGivesItsGeminiStreamAndItsQuotaError() {
        List<Completion> all = Containers.all("containers/genai-replay.json");
        assertThat(entries(all)).as("batchEmbedContents (1) is passed over").containsExactly(0, 2);
        assertThat(all.get(0).format()).isEqualTo(Format.GEMINI);
        assertThat(all.get(0).text()).isEqualTo(PARIS);
        assertThat(all.get(0).usage().outputTokens()).isEqualTo(7L);
        assertThat(all.get(0).source().container()).isEqualTo(Source.Container.GENAI_REPLAY);
        ProviderError quota = all.get(1).error().orElseThrow();
        assertThat(quota.message()).startsWith("You exceeded your current quota");
        assertThat(all.get(1).finishReason()).isEqualTo(FinishReason.ERROR);
        assertThat(all.get(1).format()).isEqualTo(Format.GEMINI);
    }

    @Test
    void assembleOnAContainerOfSeveralResponsesSaysToReadThemAll() {
        assertThatThrownBy(() -> ChunkAssembler.assemble(TestRecordings.path("containers/vcrpy-chat.yaml")))
                .isInstanceOfSatisfying(AssemblyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
                    assertThat(e.getMessage()).contains("holds 3 responses", "entries 1, 2, 3", "second begins at entry 2", "assembleAll", "vcrpy-chat.yaml");
                });
        Completion first = ChunkAssembler.assemble(TestRecordings.path("containers/vcrpy-chat.yaml"),
                AssemblerOptions.defaults().withLenient(true));
        assertThat(first.text()).isEqualTo(PARIS);
        assertThat(first.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("holds 3"));
        assertThat(first.incomplete()).as("as main's assemble marks the first of several").isTrue();
    }

    @Test
    void realCassettesFold() {
        Completion vcrpy = ChunkAssembler.assemble(
                TestRecordings.path("real/vcrpy-cassette-openai-chat-stream--pydantic-ai.yaml"));
        assertThat(vcrpy.text()).isEqualTo("Paris.");
        assertThat(vcrpy.model()).isEqualTo("gpt-5-2025-08-07");
        assertThat(vcrpy.source().container()).isEqualTo(Source.Container.VCR);

        Completion ruby = ChunkAssembler.assemble(
                TestRecordings.path("real/ruby-vcr-cassette-deepseek-stream--ruby-openai.yml"));
        assertThat(ruby.model()).isEqualTo("deepseek-chat");
        assertThat(ruby.text()).startsWith("Hello! How can I assist you today?");
        assertThat(ruby.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(ruby.source().url()).isEqualTo("https://api.deepseek.com/v1/chat/completions");
    }

    @Test
    void aLlamaStackRecordingSaysItsTestIdAndRequest() {
        Completion c = TestRecordings.assemble("real/chat-one-tool-call--75ae2f583e3e.json");
        assertThat(c.source().container()).isEqualTo(Source.Container.LLAMA_STACK);
        assertThat(c.source().testId()).startsWith("tests/integration/agents/test_openai_responses.py::");
        assertThat(c.source().method()).isEqualTo("POST");
        assertThat(c.source().url()).isEqualTo("http://0.0.0.0:11434/v1/v1/chat/completions");
        assertThat(c.source().entry()).isNull();
    }

    @Test
    void aBareStreamIsAStream() {
        Completion c = TestRecordings.assemble("containers/chat-stream.sse");
        assertThat(c.source()).isEqualTo(new Source(TestRecordings.path("containers/chat-stream.sse").toString(),
                Source.Container.STREAM, null, null, null, null));
    }

    @Test
    void anErrorBodyOfNoProvidersShapeAndAModelIsPassedOver() {
        byte[] har = """
                {"log": {"version": "1.2", "creator": {"name": "Charles Proxy", "version": "5.0"}, "entries": [
                  {"request": {"method": "POST", "url": "http://localhost:8000/v1/chat/completions"},
                   "response": {"status": 404, "content": {"mimeType": "application/json", "text": "{\\"detail\\":\\"Not Found\\"}"}}},
                  {"request": {"method": "GET", "url": "https://api.openai.com/v1/models/gpt-4o"},
                   "response": {"status": 200, "content": {"mimeType": "application/json",
                     "text": "{\\"id\\":\\"gpt-4o\\",\\"object\\":\\"model\\",\\"created\\":1715367049,\\"owned_by\\":\\"system\\"}"}}},
                  {"request": {"method": "POST", "url": "https://api.openai.com/v1/chat/completions"},
                   "response": {"status": 200, "content": {"mimeType": "text/plain", "text": "OK"}}},
                  {"request": {"method": "POST", "url": "https://api.openai.com/v1/chat/completions"},
                   "response": {"status": 200, "content": {"mimeType": "application/json",
                     "text": "{\\"id\\":\\"chatcmpl-1\\",\\"object\\":\\"chat.completion\\",\\"created\\":1,\\"model\\":\\"gpt-4o\\",\\"choices\\":[{\\"index\\":0,\\"message\\":{\\"role\\":\\"assistant\\",\\"content\\":\\"Hi\\"},\\"finish_reason\\":\\"stop\\"}]}"}}}]}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Completion c = ChunkAssembler.assemble(har);
        assertThat(c.text()).isEqualTo("Hi");
        assertThat(c.source().entry()).isEqualTo(3);
        assertThat(c.source().file()).as("bytes have no file name").isNull();
    }

    @Test
    void bytesAndStreamsGiveWhatTheFileGives() throws java.io.IOException {
        java.nio.file.Path har = TestRecordings.path("containers/chat.har");
        List<Completion> fromFile = ChunkAssembler.assembleAll(har);
        byte[] bytes = java.nio.file.Files.readAllBytes(har);
        assertThat(ChunkAssembler.assembleAll(bytes)).isEqualTo(fromFile);
        assertThat(ChunkAssembler.assembleAll(new java.io.ByteArrayInputStream(bytes))).isEqualTo(fromFile);
        assertThat(ChunkAssembler.assembleAll(TestRecordings.path("containers/chat-stream.sse"))).singleElement()
                .isEqualTo(fromFile.get(0));
    }

    @Test
    void anEntryWhoseBodyHoldsTwoResponsesGivesBothAtItsEntry() throws java.io.IOException {
        String sse = java.nio.file.Files.readString(TestRecordings.path("containers/chat-stream.sse"));
        String twice = sse + sse.replace("chatcmpl-C7qZ2mWfYbPq3kX9rT1uV0sLdE4hG", "chatcmpl-second")
                .replace("The capital", "Its capital");
        String body = java.util.Base64.getEncoder().encodeToString(twice.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] har = ("{\"log\": {\"version\": \"1.2\", \"entries\": [{\"request\": {\"method\": \"POST\","
                + " \"url\": \"" + CHAT + "\"}, \"response\": {\"status\": 200, \"content\": {\"mimeType\":"
                + " \"text/event-stream\", \"encoding\": \"base64\", \"text\": \"" + body + "\"}}}]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Completion> all = ChunkAssembler.assembleAll(har);
        assertThat(all).extracting(Completion::text).containsExactly(PARIS, "Its capital of France is Paris.");
        assertThat(entries(all)).containsExactly(0, 0);
        assertThatThrownBy(() -> ChunkAssembler.assemble(har)).isInstanceOfSatisfying(AssemblyException.class,
                e -> assertThat(e.getMessage()).contains("holds 2 responses", "assembleAll"));
    }
}
