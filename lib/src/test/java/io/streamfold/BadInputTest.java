package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.json.PackageVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken, hostile and odd input: located errors, lenient prefixes, warnings, never anything else. */
class BadInputTest {

    private static final AssemblerOptions LENIENT = AssemblerOptions.defaults().withLenient(true);
    private static final boolean JACKSON_BEFORE_2_17 =
            PackageVersion.VERSION.getMajorVersion() == 2 && PackageVersion.VERSION.getMinorVersion() < 17;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String STOP = ",\"finishReason\":\"STOP\"";

    /** One Gemini SSE event: a candidate with these parts and, after its content, these fields (or ""). */
    private static String gemini(String parts, String candidateFields) {
        return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]}" + candidateFields + "}]}\n\n";
    }

    /** One Gemini SSE event whose only part is {@code {"functionCall": {fields}}}. */
    private static String geminiCall(String fields, String candidateFields) {
        return gemini("{\"functionCall\":{" + fields + "}}", candidateFields);
    }

    private static AssemblyException failure(byte[] input) {
        return catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(input));
    }

    /** Assembles in both paths; either gives a completion or an AssemblyException, nothing else. */
    private static void survives(byte[] input, AssemblerOptions options) {
        try {
            ChunkAssembler.assemble(input, options);
        } catch (AssemblyException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        try {
            IncrementalAssembler assembler = ChunkAssembler.incremental(options);
            assembler.feed(input);
            assembler.finish();
        } catch (AssemblyException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Not a stream at all
     * ------------------------------------------------------------------------------------- */

    @Test
    void emptyAndBlankInputsAreMalformed() {
        for (String input : List.of("", "  \n\t\r\n ")) {
            AssemblyException e = failure(utf8(input));
            assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
            assertThat(e.getOriginalMessage()).contains("empty input");
        }
    }

    @Test
    void jsonThatIsNoRecordingIsNotAStream() {
        for (String input : List.of("null", "42", "\"text\"", "true", "{}", "{\"name\": \"config\"}")) {
            AssemblyException e = failure(utf8(input));
            assertThat(e.kind()).as(input).isEqualTo(Problem.Kind.NOT_A_STREAM);
            assertThat(e.getMessage()).as(input).startsWith("Not a stream:");
        }
    }

    @Test
    void aNonStreamingRecordingIsNotAStream() {
        AssemblyException e = failure(utf8("{\"response\": {\"body\": [{\"__type__\": \"openai.types.model.Model\", "
                + "\"__data__\": {\"id\": \"m\"}}], \"is_streaming\": false}}"));

        assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
        assertThat(e.getMessage()).contains("is_streaming: false");
    }

    @Test
    void anHtmlErrorPageSaysSo() {
        AssemblyException e = failure(utf8("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"));

        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("HTML");
    }

    @Test
    void binaryGarbageIsMalformedAndLocated() {
        byte[] garbage = new byte[256];
        new Random(5).nextBytes(garbage);
        garbage[0] = 0x07;

        AssemblyException e = failure(garbage);

        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isPositive();
    }

    /* ---------------------------------------------------------------------------------------
     * Malformed: located
     * ------------------------------------------------------------------------------------- */

    @Test
    void invalidUtf8IsLocated() {
        byte[] input = utf8("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok X\"}}]}\n");
        input[input.length - 7] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
        AssemblyException e = failure(input);

        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.getOriginalMessage()).containsIgnoringCase("UTF-8");
        assertThat(e.chunk()).isEqualTo(1);
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkIsFine() {
        String jsonl = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n";
        String sse = "data: " + jsonl.strip() + "\n\n";
        for (String input : List.of(jsonl, sse)) {
            byte[] bom = utf8("\uFEFF" + input);
            assertThat(ChunkAssembler.assemble(bom).message().content()).isEqualTo("hi");
            assertThat(ChunkAssembler.incremental().feed(bom).finish().message().content()).isEqualTo("hi");
        }
    }

    @Test
    void deepNestingHitsTheLimitWithItsName() {
        String deep = "{\"choices\":[],\"vendor_field\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";

        AssemblyException e = failure(utf8(deep));

        assertThat(e.kind()).isEqualTo(Problem.Kind.LIMIT);
        assertThat(e.getMessage()).contains("exceeds the maximum allowed (1000); raise it with"
                + " `AssemblerOptions.builder().maxNestingDepth(int)` (or `AssemblerOptions.withMaxNestingDepth(int)`)");
        AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.incremental().feed(utf8(deep)).finish());
        assertThat(incremental.kind()).isEqualTo(Problem.Kind.LIMIT);
    }

    @Test
    void aStringLongerThanTheLimitIsReported() {
        String input = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "x".repeat(200_000) + "\"}}]}";

        AssemblyException e = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.assemble(utf8(input), AssemblerOptions.defaults().withMaxStringLength(1000)));

        assertThat(e.kind()).isEqualTo(Problem.Kind.LIMIT);
        assertThat(e.getMessage()).contains("raise it with `AssemblerOptions.builder().maxStringLength(int)`");
        assertThatThrownBy(() -> AssemblerOptions.defaults().withMaxNestingDepth(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxNestingDepth < 1: 0");
    }

    @Test
    void anUnterminatedStringIsMalformedAtTheEnd() {
        AssemblyException e = failure(utf8("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"never closed"));

        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.getOriginalMessage()).contains("end-of-input");
        assertThat(e.chunk()).isEqualTo(1);
    }

    @Test
    void incrementalErrorsAreLocatedExactlyAsWholeOnes() {
        String jsonl = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n"
                + "  {\"choices\":[{\"index\":0,\n   \"delta\":{\"content\":\"b\"}}]}\n"
                + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":7}}]}\n";
        String sse = "event: x\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
                + ": comment\r\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":7}}]}\r\n\r\n";
        for (String input : List.of(jsonl, sse)) {
            AssemblyException whole = failure(utf8(input));
            AssemblyException pieces = catchThrowableOfType(AssemblyException.class,
                    () -> ChunkAssembler.incremental().feed(utf8(input)).finish());
            assertThat(pieces.problem()).isEqualTo(whole.problem());
            assertThat(whole.line()).isEqualTo(input == sse ? 5 : 4);
            assertThat(whole.column()).isEqualTo(input.substring(0, input.indexOf(":7") + 1).length()
                    - input.substring(0, input.indexOf(":7")).lastIndexOf('\n'));
            assertThat(whole.byteOffset()).isEqualTo(input.indexOf(":7") + 1);
        }
    }

    @Test
    void brokenJsonInAnSseDataLineNamesTheLine() {
        String sse = "event: x\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
                + ": keep-alive\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]]}\n\n";

        AssemblyException e = failure(utf8(sse));

        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.chunk()).isEqualTo(2);
        assertThat(e.line()).isEqualTo(6);
        // jackson-core 2.15 and 2.16 place a syntax error one column past its character
        assertThat(e.column()).as("the second ]").isEqualTo(JACKSON_BEFORE_2_17 ? 56 : 55);
        Completion lenient = ChunkAssembler.assemble(utf8(sse), LENIENT);
        assertThat(lenient.message().content()).isEqualTo("ab");
        assertThat(lenient.problems()).singleElement().extracting(Problem::line).isEqualTo(6L);
    }

    @Test
    void aBadJsonLinesLineNamesItsLine() {
        String jsonl = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n"
                + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n"
                + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"c\"}} oops\n";

        AssemblyException e = failure(utf8(jsonl));

        assertThat(e.chunk()).isEqualTo(3);
        assertThat(e.line()).isEqualTo(3);
        assertThat(ChunkAssembler.assemble(utf8(jsonl), LENIENT).message().content()).isEqualTo("abc");
    }

    /* ---------------------------------------------------------------------------------------
     * Well-formed, wrong shape: located with a JSON path
     * ------------------------------------------------------------------------------------- */

    @Test
    void wrongTypesNameTheFieldAndItsPath() {
        AssemblyException content = failure(utf8(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n{\"choices\":[{\"delta\":{\"content\":12}}]}"));
        assertThat(content.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(content.getOriginalMessage()).isEqualTo("Expected a string for content but found a number (12)");
        assertThat(content.chunk()).isEqualTo(2);
        assertThat(content.line()).isEqualTo(2);
        assertThat(content.path()).isEqualTo("$.choices[0].delta.content");

        AssemblyException choices = failure(utf8("{\"choices\": {\"index\": 0}}"));
        assertThat(choices.getOriginalMessage()).isEqualTo("Expected an array for choices but found an object");
        assertThat(choices.path()).isEqualTo("$.choices");

        AssemblyException index = failure(utf8("{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":\"zero\"}]}}]}"));
        assertThat(index.getOriginalMessage()).isEqualTo("Expected an integer for index but found a string (\"zero\")");
        assertThat(index.path()).isEqualTo("$.choices[0].delta.tool_calls[0].index");
    }

    @Test
    void aTypedChunkWithoutDataOrABodyThatIsNoListIsAnError() {
        AssemblyException noData = failure(utf8("{\"response\": {\"body\": [{\"__type__\": \"x.ChatCompletionChunk\"}], \"is_streaming\": true}}"));
        assertThat(noData.getOriginalMessage()).contains("__data__");
        assertThat(noData.chunk()).isEqualTo(1);

        AssemblyException body = failure(utf8("{\"response\": {\"body\": 7, \"is_streaming\": true}}"));
        assertThat(body.getOriginalMessage()).isEqualTo("Expected a list of chunks for response.body but found a number (7)");
    }

    @Test
    void lenientModeSkipsAChunkOfTheWrongShapeAndListsIt() {
        byte[] input = utf8("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"a\"}}]}\n"
                + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":true}}]}\n"
                + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"c\"},\"finish_reason\":\"stop\"}]}\n");

        Completion c = ChunkAssembler.assemble(input, LENIENT);

        assertThat(c.message().content()).isEqualTo("ac");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(c.incomplete()).isTrue();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.chunk()).isEqualTo(2);
            assertThat(p.path()).isEqualTo("$.choices[0].delta.content");
        });
        assertThat(ChunkAssembler.incremental(LENIENT).feed(input).finish()).isEqualTo(c);
    }

    /* ---------------------------------------------------------------------------------------
     * Warnings: what was noticed and repaired
     * ------------------------------------------------------------------------------------- */

    @Test
    void oddStreamsAreFoldedWithWarnings() {
        Completion c = ChunkAssembler.assemble(utf8(String.join("\n",
                "{\"id\":\"a\",\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\": \"}}]}}]}",
                "{\"id\":\"b\",\"model\":\"m2\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}",
                "{\"id\":\"b\",\"model\":\"m2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}")));

        assertThat(c.id()).isEqualTo("a");
        assertThat(c.model()).isEqualTo("m1");
        assertThat(c.message().content()).isEqualTo("late");
        assertThat(c.warnings()).extracting(w -> w.code().id())
                .containsExactly("id-changed", "model-changed", "chunk-after-finish", "invalid-arguments");
        assertThat(c.warnings()).extracting(Warning::chunk).containsExactly(2, 2, 3, 3);
        assertThat(c.warnings().get(3).message()).contains("{\"x\": ");
    }

    /* ---------------------------------------------------------------------------------------
     * Every cut, every flip
     * ------------------------------------------------------------------------------------- */

    @Test
    void aSeedCutAtEveryByteOffsetFailsLocatedAndLenientlyGivesAPrefix() throws IOException {
        byte[] seed = Files.readAllBytes(TestRecordings.path("seeds/000_4f3d0a612d65cd5e.json"));
        Completion full = ChunkAssembler.assemble(seed);
        for (int cut = 0; cut < seed.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(seed, cut);
            AssemblyException e = failure(prefix);
            assertThat(e).as("cut at %d", cut).isNotNull();
            assertThat(e.kind()).as("cut at %d", cut).isIn(Problem.Kind.MALFORMED, Problem.Kind.NOT_A_STREAM);
            if (e.kind() == Problem.Kind.MALFORMED && cut > 0) {
                assertThat(e.line()).as("cut at %d", cut).isPositive();
            }
            Completion lenient = ChunkAssembler.assemble(prefix, LENIENT);
            assertPrefix(lenient, full, cut);
        }
    }

    @Test
    void anSseStreamCutAtEveryByteOffsetIsAPrefixIncrementallyToo() {
        byte[] sse = SseForms.of(TestRecordings.path("seeds/001_b46980ad0094c70c.json"));
        Completion full = ChunkAssembler.assemble(sse);
        for (int cut = 0; cut < sse.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(sse, cut);
            Completion lenient;
            try {
                lenient = ChunkAssembler.incremental(LENIENT).feed(prefix).finish();
            } catch (AssemblyException e) {
                assertThat(e.kind()).as("cut at %d", cut).isIn(Problem.Kind.NOT_A_STREAM, Problem.Kind.MALFORMED);
                continue;
            }
            assertPrefix(lenient, full, cut);
            Completion blocking = ChunkAssembler.assemble(prefix, LENIENT);
            assertThat(lenient.choices()).as("cut at %d", cut).isEqualTo(blocking.choices());
            assertThat(lenient.problems()).extracting(Problem::line, Problem::column).as("cut at %d", cut)
                    .isEqualTo(blocking.problems().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.line(), p.column())).toList());
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Wrong types and hostile values found by probing: located, never silently dropped
     * ------------------------------------------------------------------------------------- */

    @Test
    void aThinkingDeltaThatIsANumberIsLocatedAndLenientKeepsTheTextBefore() {
        byte[] sse = utf8("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[],"usage":{"input_tokens":3}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"We need"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":5}}

                """);
        AssemblyException e = failure(sse);
        assertThat(e.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(e.getOriginalMessage()).isEqualTo("Expected a string for delta.thinking but found a number (5)");
        assertThat(e.chunk()).isEqualTo(4);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.path()).isEqualTo("$.delta.thinking");

        Completion lenient = ChunkAssembler.assemble(sse, LENIENT);
        assertThat(lenient.incomplete()).isTrue();
        assertThat(lenient.message().reasoning()).isEqualTo("We need");
        assertThat(lenient.problems()).singleElement().extracting(Problem::chunk).isEqualTo(4);
    }

    @Test
    void geminiStreamedArgumentsOfTheWrongTypeAreLocated() {
        String opener = geminiCall("\"name\":\"f\",\"willContinue\":true", "");
        AssemblyException number = failure(utf8(opener
                + geminiCall("\"partialArgs\":[{\"jsonPath\":\"$.amount\",\"stringValue\":16}],\"willContinue\":true", "")));
        assertThat(number.getOriginalMessage()).isEqualTo("Expected a string for partialArgs[].stringValue at $.amount but found a number (16)");
        assertThat(number.chunk()).isEqualTo(2);

        AssemblyException object = failure(utf8(opener
                + geminiCall("\"partialArgs\":{\"a\":1},\"willContinue\":true", "")));
        assertThat(object.getOriginalMessage()).startsWith("Expected a list for functionCall.partialArgs but found an object");
        assertThat(object.chunk()).isEqualTo(2);
    }

    @Test
    void geminiArgumentPathsThatCannotHoldAValueAreWarnedNeverAllocated() {
        for (String path : List.of("$.items[2000000000]", "$.items[-1]", "$")) {
            String sse = geminiCall("\"name\":\"f\",\"partialArgs\":[{\"jsonPath\":\"$.ok\",\"boolValue\":true},"
                    + "{\"jsonPath\":\"" + path + "\",\"stringValue\":\"x\"}]", STOP);
            Completion c = ChunkAssembler.assemble(utf8(sse));
            assertThat(c.message().toolCalls()).as(path).singleElement()
                    .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"ok\":true}"));
            assertThat(c.warnings()).as(path).singleElement().satisfies(w -> {
                assertThat(w.code().id()).isEqualTo("partial-arg-unplaced");
                assertThat(w.message()).contains(path);
            });
        }
    }

    @Test
    void aHugeOrNegativeIndexIsLocatedNotAllocated() {
        String huge = "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":2000000000,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}\n";
        AssemblyException e = failure(utf8(huge));
        assertThat(e.getOriginalMessage()).isEqualTo("Expected a tool-call index up to 65535 for index but found a number (2000000000)");
        assertThat(e.path()).isEqualTo("$.choices[0].delta.tool_calls[0].index");

        String negative = "{\"choices\":[{\"index\":-1,\"delta\":{\"content\":\"a\"}}]}\n";
        AssemblyException n = failure(utf8(negative));
        assertThat(n.getOriginalMessage()).isEqualTo("Expected an index from 0 to 65535 for index but found a number (-1)");
        assertThat(n.path()).isEqualTo("$.choices[0].index");
    }

    @Test
    void aStreamingRecordingWhoseBodyIsNoListFails() {
        for (String body : List.of("{\"x\": 1}", "null")) {
            for (String recording : List.of(
                    "{\"response\": {\"is_streaming\": true, \"body\": " + body + "}}",
                    "{\"response\": {\"body\": " + body + ", \"is_streaming\": true}}")) {
                AssemblyException e = failure(utf8(recording));
                assertThat(e.kind()).as(recording).isEqualTo(Problem.Kind.UNEXPECTED);
                assertThat(e.getOriginalMessage()).as(recording).startsWith("Expected a list of chunks for response.body but found");
                assertThat(e.line()).as(recording).isEqualTo(1);
                AssemblyException incremental = catchThrowableOfType(AssemblyException.class,
                        () -> ChunkAssembler.incremental().feed(utf8(recording)).finish());
                // (outside any chunk, the non-blocking parser's byte offset may be one past: line and column agree)
                assertThat(incremental.problem()).as("incrementally: " + recording)
                        .extracting(Problem::kind, Problem::message, Problem::line, Problem::column)
                        .containsExactly(e.kind(), e.getOriginalMessage(), e.line(), e.column());
            }
        }
        // without is_streaming: true, an object body is a non-streaming recording, skipped
        assertThat(failure(utf8("{\"response\": {\"body\": {\"x\": 1}}}")).kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
    }

    @Test
    void aGeminiCallWhosePartialArgsAreNoListLeavesNothingBehindLeniently() {
        String sse = gemini("{\"text\":\"Sure.\"}", "")
                + geminiCall("\"name\":\"f\",\"partialArgs\":\"x\",\"willContinue\":true", "");
        Completion c = ChunkAssembler.assemble(utf8(sse), LENIENT);
        assertThat(c.incomplete()).isTrue();
        assertThat(c.message().content()).isEqualTo("Sure.");
        assertThat(c.message().toolCalls()).as("no half-made call").isEmpty();
    }

    @Test
    void geminiArgumentPathsTooDeepOrTooWideAreWarnedNotFolded() {
        for (String path : List.of("$" + "[0]".repeat(200), "$" + ".a".repeat(1001), "$.items[0]" + "[10000]".repeat(50))) {
            String sse = geminiCall("\"name\":\"f\",\"partialArgs\":[{\"jsonPath\":\"" + path + "\",\"stringValue\":\"x\"}]", STOP);
            Completion c = ChunkAssembler.assemble(utf8(sse));
            assertThat(c.message().toolCalls()).singleElement().satisfies(call -> assertThat(call.arguments()).isEqualTo("{}"));
            assertThat(c.warnings()).extracting(w -> w.code().id()).containsExactly("partial-arg-unplaced");
        }
    }

    @Test
    void geminiStreamedArgumentsIntoNestedOpeningArgsOrANegativeIndexFoldOrWarn() {
        String nested = geminiCall("\"name\":\"f\",\"args\":{\"a\":{\"b\":1},\"l\":[1]},\"willContinue\":true", "")
                + geminiCall("\"partialArgs\":[{\"jsonPath\":\"$.a.c\",\"stringValue\":\"x\"},"
                        + "{\"jsonPath\":\"$.l[1]\",\"numberValue\":2},{\"jsonPath\":\"$.l[-1]\",\"stringValue\":\"y\"}]", STOP);
        Completion c = ChunkAssembler.assemble(utf8(nested));
        assertThat(c.message().toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"a\":{\"b\":1,\"c\":\"x\"},\"l\":[1,2]}"));
        assertThat(c.warnings()).extracting(w -> w.code().id()).containsExactly("partial-arg-unplaced");
    }

    @Test
    void aNewGeminiCallWithAStringValueOfTheWrongTypeLeavesNothingBehindLeniently() {
        String sse = geminiCall("\"name\":\"f\",\"partialArgs\":[{\"jsonPath\":\"$.a\",\"stringValue\":5}],\"willContinue\":true", "");
        Completion c = ChunkAssembler.assemble(utf8(sse), LENIENT);
        assertThat(c.incomplete()).isTrue();
        assertThat(c.choices()).allSatisfy(ch -> assertThat(ch.message().toolCalls()).isEmpty());
        assertThat(c.problems()).singleElement().extracting(Problem::message).asString().contains("stringValue at $.a");
    }

    @Test
    void aLimitErrorIsLocated() {
        String longNumber = "{\"choices\":[],\"created\":" + "1".repeat(5000) + "}\n";
        AssemblyException e = failure(utf8(longNumber));
        assertThat(e.kind()).isEqualTo(Problem.Kind.LIMIT);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isPositive();
        assertThat(e.path()).isEqualTo("$.created");
    }

    @Test
    void aDeepPathIsShortenedInTheMiddle() {
        String deep = "{\"choices\":[],\"v\":" + "{\"a\":".repeat(1200) + "1" + "}".repeat(1200) + "}";
        AssemblyException e = failure(utf8(deep));
        assertThat(e.kind()).isEqualTo(Problem.Kind.LIMIT);
        assertThat(e.path()).startsWith("$.v.a.a").contains("more)...").hasSizeLessThan(100);
    }

    @Test
    void usageThatIsNoObjectIsLocated() {
        AssemblyException e = failure(utf8("{\"choices\":[],\"usage\":\"lots\"}\n"));
        assertThat(e.getOriginalMessage()).isEqualTo("Expected an object for usage but found a string (\"lots\")");
        assertThat(e.path()).isEqualTo("$.usage");
    }

    @Test
    void anInteractionsThoughtWhoseTextIsANumberIsLocated() {
        byte[] sse = utf8("""
                event: interaction.start
                data: {"interaction":{"id":"v1","status":"in_progress","object":"interaction","model":"gemini-2.5-flash"},"event_type":"interaction.start"}

                event: content.start
                data: {"index":0,"content":{"type":"thought"},"event_type":"content.start"}

                event: content.delta
                data: {"index":0,"delta":{"content":{"type":"text","text":7},"type":"thought_summary"},"event_type":"content.delta"}

                """);
        AssemblyException e = failure(sse);
        assertThat(e.getOriginalMessage()).isEqualTo("Expected a string for delta.content.text but found a number (7)");
        assertThat(e.chunk()).isEqualTo(3);
    }

    private static void assertPrefix(Completion part, Completion full, int cut) {
        for (Choice choice : part.choices()) {
            Message m = choice.message();
            Message whole = full.choice(choice.index()).orElseThrow().message();
            if (m.content() != null) {
                assertThat(whole.content()).as("cut at %d", cut).startsWith(m.content());
            }
            assertThat(m.toolCalls().size()).isLessThanOrEqualTo(whole.toolCalls().size());
            for (ToolCall call : m.toolCalls()) {
                ToolCall wholeCall = whole.toolCalls().get(call.index());
                assertThat(wholeCall.arguments()).as("cut at %d", cut).startsWith(call.arguments());
                if (call.name() != null) {
                    assertThat(call.name()).isEqualTo(wholeCall.name());
                }
            }
        }
        assertThat(part.choices().size()).isLessThanOrEqualTo(full.choices().size());
    }

    @Test
    void randomByteFlipsGiveACompletionOrALocatedError() throws IOException {
        Random random = new Random(20261122);
        for (String name : List.of("seeds/000_4f3d0a612d65cd5e.json", "real/anthropic-messages-sse--f22657bfd86d.json",
                "real/gemini-text--86173aaf2711.json")) {
            byte[] original = Files.readAllBytes(TestRecordings.path(name));
            for (int round = 0; round < 300; round++) {
                byte[] flipped = original.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                survives(flipped, AssemblerOptions.defaults());
                survives(flipped, LENIENT);
            }
        }
    }
}
