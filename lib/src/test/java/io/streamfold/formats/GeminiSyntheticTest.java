package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Message;
import io.streamfold.Part;
import io.streamfold.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gemini}: camelCase REST, snake_case python SDK and Vertex {@code partialArgs} streams. */
class GeminiSyntheticTest {

    static final String SIG0 = "CiQBcsjafAbxY8q9Zq1n2kqvXo8Ck4bq0rA7r0B2v0S3v6Hq2PoKXQFyyNp8Vn0uG3VbK8XU4m1dP1k3oQx6y9vJ";
    static final String SIG1 = "CiQBcsjafBe7x3J4gm2Lh1D0Zk9qV3tP6nF8sW2rT5yU1oI7eA==";

    // ---------------------------------------------------------------- camelCase REST array, 2 candidates

    private static Completion camel() {
        return ChunkAssembler.assemble(Recordings.synthetic("gemini-camel-thoughts-calls-2candidates.json"));
    }

    @Test
    void camelCaseHeaderAndUsage() {
        Completion c = camel();
        assertThat(c.format()).hasToString("gemini");
        assertThat(c.id()).isEqualTo("x2ZJaOeRNcqkvdIPk5GtuQk");
        assertThat(c.model()).isEqualTo("gemini-2.5-flash");
        assertThat(c.chunkCount()).isEqualTo(4);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        // the last usageMetadata, not a sum of the four
        assertThat(c.usage().inputTokens()).isEqualTo(42L);
        assertThat(c.usage().outputTokens()).as("candidates 38 + thoughts 57").isEqualTo(95L);
        assertThat(c.usage().detail("candidatesTokenCount")).isEqualTo(38L);
        assertThat(c.usage().totalTokens()).isEqualTo(137L);
        assertThat(c.usage().reasoningTokens()).isEqualTo(57L);
    }

    @Test
    void eachCandidateIsAChoice() {
        Completion c = camel();
        assertThat(c.choices()).extracting(ch -> ch.index(), ch -> ch.rawFinishReason())
                .containsExactly(tuple(0, "STOP"), tuple(1, "STOP"));

        Message first = c.choice(0).orElseThrow().message();
        assertThat(first.role()).isEqualTo("model");
        assertThat(first.reasoning()).isEqualTo("**Planning the lookup**\n\nThe user wants today's weather in Paris.");
        assertThat(first.content()).isEqualTo("Let me look up the weather in Paris for you.");
        assertThat(first.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.id()).isNull();
            Recordings.assertSameJson(call.arguments(), "{\"location\": \"Paris, France\", \"unit\": \"celsius\"}");
            assertThat(call.extra()).containsValue(SIG0);
        });
        assertThat(first.parts()).extracting(p -> (Object) p.getClass())
                .containsExactly(Part.Reasoning.class, Part.Text.class, ToolCall.class);

        Message second = c.choice(1).orElseThrow().message();
        assertThat(second.reasoning()).isEqualTo("**Considering the request**\n\nA weather lookup for Paris is needed.");
        assertThat(second.content()).isEqualTo("Checking Paris now.");
        assertThat(second.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            Recordings.assertSameJson(call.arguments(), "{\"location\": \"Paris\"}");
            assertThat(call.extra()).containsValue(SIG1);
        });
        assertThat(c.message()).isEqualTo(first);
    }

    @Test
    void camelCaseNativeShapeInTheInputsSpelling() {
        String json = camel().toJson();
        Recordings.assertSameJson(json, """
                {"candidates": [
                  {"content": {"parts": [
                      {"text": "**Planning the lookup**\\n\\nThe user wants today's weather in Paris.", "thought": true},
                      {"text": "Let me look up the weather in Paris for you."},
                      {"functionCall": {"name": "get_weather", "args": {"location": "Paris, France", "unit": "celsius"}},
                       "thoughtSignature": "CiQBcsjafAbxY8q9Zq1n2kqvXo8Ck4bq0rA7r0B2v0S3v6Hq2PoKXQFyyNp8Vn0uG3VbK8XU4m1dP1k3oQx6y9vJ"}],
                     "role": "model"},
                   "finishReason": "STOP", "index": 0},
                  {"content": {"parts": [
                      {"text": "**Considering the request**\\n\\nA weather lookup for Paris is needed.", "thought": true},
                      {"text": "Checking Paris now."},
                      {"functionCall": {"name": "get_weather", "args": {"location": "Paris"}},
                       "thoughtSignature": "CiQBcsjafBe7x3J4gm2Lh1D0Zk9qV3tP6nF8sW2rT5yU1oI7eA=="}],
                     "role": "model"},
                   "finishReason": "STOP", "index": 1}],
                 "usageMetadata": {"promptTokenCount": 42, "candidatesTokenCount": 38, "totalTokenCount": 137,
                                   "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 42}], "thoughtsTokenCount": 57},
                 "modelVersion": "gemini-2.5-flash", "responseId": "x2ZJaOeRNcqkvdIPk5GtuQk"}
                """);
        assertThat(json).doesNotContain("finish_reason", "usage_metadata", "function_call", "thought_signature", "model_version");
    }

    // ---------------------------------------------------------------- snake_case python SDK, llama-stack plain chunks

    private static Completion snake() {
        return ChunkAssembler.assemble(Recordings.synthetic("gemini-snake-text-call.json"));
    }

    @Test
    void snakeCaseTextThenCall() {
        Completion c = snake();
        assertThat(c.format()).hasToString("gemini");
        assertThat(c.id()).isEqualTo("jvVMaZK3HqW2mPUPyOb0uQE");
        assertThat(c.model()).isEqualTo("gemini-2.0-flash");
        assertThat(c.chunkCount()).isEqualTo(4);
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
        Message m = c.message();
        assertThat(m.content()).isEqualTo("The Eiffel Tower is 330 metres tall and stands in Paris.");
        assertThat(m.reasoning()).isNull();
        assertThat(m.toolCalls()).extracting(ToolCall::index, ToolCall::name).containsExactly(tuple(0, "web_search"));
        Recordings.assertSameJson(m.toolCalls().get(0).arguments(), "{\"query\": \"Eiffel Tower height history\"}");
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .containsExactly(12L, 19L, 31L);
    }

    @Test
    void snakeCaseNativeShape() {
        String json = snake().toJson();
        Recordings.assertSameJson(json, """
                {"candidates": [{"content": {"parts": [
                    {"text": "The Eiffel Tower is 330 metres tall and stands in Paris."},
                    {"function_call": {"name": "web_search", "args": {"query": "Eiffel Tower height history"}}}],
                   "role": "model"}, "finish_reason": "STOP", "index": 0}],
                 "usage_metadata": {"candidates_token_count": 19, "candidates_tokens_details": [{"modality": "TEXT", "token_count": 19}],
                   "prompt_token_count": 12, "prompt_tokens_details": [{"modality": "TEXT", "token_count": 12}],
                   "total_token_count": 31, "traffic_type": "ON_DEMAND"},
                 "response_id": "jvVMaZK3HqW2mPUPyOb0uQE", "model_version": "gemini-2.0-flash",
                 "create_time": "2026-04-02T08:14:22.913004Z"}
                """);
        assertThat(json).doesNotContain("finishReason", "usageMetadata", "functionCall");
    }

    // ---------------------------------------------------------------- Vertex partialArgs (CRLF SSE)

    private static Completion partialArgs() {
        return ChunkAssembler.assemble(Recordings.synthetic("gemini-vertex-partial-args.sse"));
    }

    static final String RECIPE = """
            {"recipe": {"ingredients": [{"amount": "16 oz", "name": "Lasagna noodles"}, {"amount": "2 cups", "name": "Ricotta"}],
                        "name": "Classic Lasagna", "servings": 8, "vegetarian": false, "notes": null,
                        "steps": ["Boil the noodles.", "Layer with sauce and bake 45 min."]}}
            """;

    @Test
    void streamedArgumentsFoldIntoOneCall() {
        Completion c = partialArgs();
        assertThat(c.format()).hasToString("gemini");
        assertThat(c.id()).isEqualTo("kQ2NaePbBryh1MkPq7GkiQw");
        assertThat(c.model()).isEqualTo("gemini-3-pro-preview");
        assertThat(c.chunkCount()).isEqualTo(25);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
        Message m = c.message();
        assertThat(m.content()).isEqualTo("Here is the recipe card.");
        assertThat(m.toolCalls()).as("the bare willContinue parts and the closing functionCall {} are no calls")
                .singleElement().satisfies(call -> {
                    assertThat(call.index()).isEqualTo(0);
                    assertThat(call.id()).isNull();
                    assertThat(call.name()).isEqualTo("saveRecipe");
                    Recordings.assertSameJson(call.arguments(), RECIPE);
                    assertThat(call.extra()).containsValue("CmIBjz1rX6c4m2V0tQ8pYs5Lr3Wn7Ke1Hd9Fb2Gc4Ja6Mi8Oh0Ql2Sk4Uj6Wg8Yf");
                });
        assertThat(List.of(c.usage().inputTokens(), c.usage().outputTokens(), c.usage().totalTokens()))
                .as("output: candidates 96 + thoughts 184").containsExactly(31L, 280L, 311L);
        assertThat(c.usage().reasoningTokens()).isEqualTo(184L);
    }

    @Test
    void streamedArgumentsNativeShape() {
        Recordings.assertSameJson(partialArgs().toJson(), """
                {"candidates": [{"content": {"role": "model", "parts": [
                    {"text": "Here is the recipe card."},
                    {"functionCall": {"name": "saveRecipe", "args": %s},
                     "thoughtSignature": "CmIBjz1rX6c4m2V0tQ8pYs5Lr3Wn7Ke1Hd9Fb2Gc4Ja6Mi8Oh0Ql2Sk4Uj6Wg8Yf"}]},
                   "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": 31, "candidatesTokenCount": 96, "totalTokenCount": 311, "trafficType": "ON_DEMAND",
                   "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 31}],
                   "candidatesTokensDetails": [{"modality": "TEXT", "tokenCount": 96}], "thoughtsTokenCount": 184},
                 "modelVersion": "gemini-3-pro-preview", "createTime": "2026-04-03T09:12:44.118320Z",
                 "responseId": "kQ2NaePbBryh1MkPq7GkiQw"}
                """.formatted(RECIPE));
    }

    /** The terminator can be missing: the last partialArgs chunk has no willContinue, then {"text":""} with STOP. */
    @Test
    void streamedArgumentsWithoutTheClosingPart() {
        String sse = """
                data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"addOps","willContinue":true},"thoughtSignature":"Csig"}]}}],"modelVersion":"gemini-3-flash-preview","responseId":"r1"}\r
                \r
                data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"partialArgs":[{"jsonPath":"$.operations[0].item","stringValue":"app","willContinue":true}],"willContinue":true}}]}}],"modelVersion":"gemini-3-flash-preview","responseId":"r1"}\r
                \r
                data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"partialArgs":[{"jsonPath":"$.operations[0].item","stringValue":"le","willContinue":true}],"willContinue":true}}]}}],"modelVersion":"gemini-3-flash-preview","responseId":"r1"}\r
                \r
                data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"partialArgs":[{"jsonPath":"$.operations[0].item","stringValue":""}],"willContinue":true}}]}}],"modelVersion":"gemini-3-flash-preview","responseId":"r1"}\r
                \r
                data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"partialArgs":[{"jsonPath":"$.operations[0].price","numberValue":0.5}]}}]}}],"modelVersion":"gemini-3-flash-preview","responseId":"r1"}\r
                \r
                data: {"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":3,"totalTokenCount":8},"modelVersion":"gemini-3-flash-preview","responseId":"r1"}\r
                \r
                """;
        Completion c = ChunkAssembler.assemble(sse.getBytes(StandardCharsets.UTF_8));
        assertThat(c.format()).hasToString("gemini");
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("addOps");
            Recordings.assertSameJson(call.arguments(), "{\"operations\": [{\"item\": \"apple\", \"price\": 0.5}]}");
        });
    }

    /** A Gemini 3 text stream can end with an empty text part that holds only the signature: keep it. */
    @Test
    void lateSignatureOnAnEmptyTextPartIsKept() {
        String jsonl = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Hello"}]}}],"modelVersion":"gemini-3-pro-preview","responseId":"r2"}
                {"candidates":[{"content":{"role":"model","parts":[{"text":" world."}]}}],"modelVersion":"gemini-3-pro-preview","responseId":"r2"}
                {"candidates":[{"content":{"role":"model","parts":[{"text":"","thoughtSignature":"AY89a1b2c3=="}]},"finishReason":"STOP"}],"modelVersion":"gemini-3-pro-preview","responseId":"r2"}
                """;
        Completion c = ChunkAssembler.assemble(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(c.message().content()).isEqualTo("Hello world.");
        assertThat(c.toJson()).contains("\"thoughtSignature\":\"AY89a1b2c3==\"");
        assertThat(c.choices()).singleElement().satisfies(ch -> assertThat(ch.index()).as("a missing index is 0").isZero());
    }

    @Test
    void formatOverride() {
        for (String name : List.of("gemini-camel-thoughts-calls-2candidates.json", "gemini-snake-text-call.json",
                "gemini-vertex-partial-args.sse")) {
            byte[] bytes = Recordings.bytes(Recordings.synthetic(name));
            assertThat(ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withFormat(Format.GEMINI))).as(name).isEqualTo(ChunkAssembler.assemble(bytes));
        }
    }

    // ---------------------------------------------------------------- edge cases found by probing

    @Test
    void aBlockedPromptIsAFinishedStreamWithoutCandidates() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("gemini-blocked-prompt.sse"));
        assertThat(c.choices()).isEmpty();
        assertThat(c.incomplete()).as("nothing was cut off").isFalse();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.usage().inputTokens()).isEqualTo(9L);
        assertThat(c.toJson()).contains("\"promptFeedback\":{\"blockReason\":\"SAFETY\"");
    }

    @Test
    void anEmptyFunctionCallAfterTheLastPieceClosesNothingNew() {
        // The last partialArgs part carries no willContinue, so it closes the call; the {} after it is a bare terminator.
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("gemini-partial-args-closed-before-terminator.sse"));
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("f");
            Recordings.assertSameJson(call.arguments(), "{\"a\": \"xy\"}");
            assertThat(call.extra()).containsEntry("thoughtSignature", "U0lH");
        });
        assertThat(c.rawFinishReason()).isEqualTo("STOP");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aSignatureBesideAContinuationPieceStaysOnTheCall() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("gemini-partial-args-signature-on-continuation.json"));
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("g");
            Recordings.assertSameJson(call.arguments(), "{\"cfg\": {\"mode\": \"fast\"}, \"odd key\": {\"n\": -3}}");
            assertThat(call.extra()).containsEntry("thoughtSignature", "TEFURQ==");
        });
    }

    @Test
    void aThoughtImageStaysAThought() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("gemini-thought-image.json"));
        assertThat(c.message().parts()).first().isInstanceOfSatisfying(Part.Other.class, image -> {
            assertThat(image.type()).isEqualTo("inlineData");
            assertThat(image.fields()).containsEntry("thought", true);
        });
        assertThat(c.message().content()).isEqualTo("Here it is done.");
        assertThat(c.toJson()).contains("\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AAAA\"},\"thought\":true");
    }

    @Test
    void citationsOfEveryChunkAreKeptOnce() {
        Completion c = ChunkAssembler.assemble(Recordings.synthetic("gemini-citations-per-chunk.sse"));
        assertThat(c.message().content()).isEqualTo("Llamas live in the Andes and eat grass.");
        assertThat(c.choice(0).orElseThrow().extra()).extractingByKey("citationMetadata").asString()
                .contains("https://a.example/llamas", "https://b.example/grass");
        String json = c.toJson();
        assertThat(json.indexOf("https://a.example/llamas")).as("the repeated source is listed once")
                .isEqualTo(json.lastIndexOf("https://a.example/llamas"));
    }

    @Test
    void aLongArgumentStreamedInManyPiecesFoldsWholeAndSnapshotsShowItSoFar() {
        StringBuilder sse = new StringBuilder("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":"
                + "[{\"functionCall\":{\"name\":\"write_file\",\"willContinue\":true}}]}}]}\n\n");
        int pieces = 50_000;
        for (int i = 0; i < pieces; i++) {
            sse.append("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"partialArgs\":"
                    + "[{\"jsonPath\":\"$.content\",\"stringValue\":\"ab\",\"willContinue\":true}],\"willContinue\":true}}]}}]}\n\n");
        }
        int half = sse.length();
        sse.append("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"partialArgs\":"
                + "[{\"jsonPath\":\"$.content\",\"stringValue\":\"!\"},{\"jsonPath\":\"$.mode\",\"numberValue\":644}]}}]}}]}\n\n");
        sse.append("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{}}]},\"finishReason\":\"STOP\"}]}\n\n");
        byte[] bytes = sse.toString().getBytes(StandardCharsets.UTF_8);

        Completion c = ChunkAssembler.assemble(bytes);
        String expected = "{\"content\":\"" + "ab".repeat(pieces) + "!\",\"mode\":644}";
        assertThat(c.message().toolCalls()).singleElement().satisfies(call -> assertThat(call.arguments()).isEqualTo(expected));
        assertThat(c.warnings()).isEmpty();

        io.streamfold.IncrementalAssembler assembler = ChunkAssembler.incremental();
        assembler.feed(bytes, 0, half);
        assertThat(assembler.snapshot().message().toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"content\":\"" + "ab".repeat(pieces) + "\"}"));
        assembler.feed(bytes, half, bytes.length - half);
        assertThat(assembler.finish()).isEqualTo(c);
    }
}
