package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes that strict UTF-8 forbids, which jackson-core decodes without a word (overlong forms,
 * encoded surrogates, code points beyond U+10FFFF), are a located MALFORMED error inside kept text,
 * the same through every reader and every split; lenient mode keeps what came before (issue 15,
 * item 8). Valid sequences of every length still fold.
 */
class InvalidUtf8Test {

    private static final String HEAD = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"";
    private static final String TAIL = "\"},\"finish_reason\":null}]}";
    private static final String FIRST = HEAD + "kept" + TAIL;

    @ParameterizedTest
    @CsvSource({
        "C0 AF, an overlong encoding (C0)",
        "C1 BF, an overlong encoding (C1)",
        "E0 80 AF, an overlong encoding (E0 80)",
        "F0 80 80 AF, an overlong encoding (F0 80)",
        "ED A0 80, an encoded surrogate (ED A0)",
        "ED BF BF, an encoded surrogate (ED BF)",
        "F4 90 80 80, a code point beyond U+10FFFF (F4 90)",
        "F5 80 80 80, a code point beyond U+10FFFF (F5)"})
    void forbiddenSequencesAreALocatedMalformedError(String hex, String what) {
        for (String container : new String[] {"sse", "jsonl", "recording"}) {
            byte[] input = input(container, bytes(hex));
            AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(input));
            assertThat(e).as(container).isNotNull();
            assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("Invalid UTF-8: " + what);
            assertThat(e.problem().chunk()).isEqualTo(2);
            assertThat(e.problem().line()).isPositive();
            assertThat(e.problem().column()).isPositive();
            assertThat(e.problem().path()).isEqualTo("$.choices[0].delta.content");

            assertThat(catchThrowableOfType(AssemblyException.class,
                    () -> ChunkAssembler.assemble(new ByteArrayInputStream(input))).problem()).isEqualTo(e.problem());
            IncrementalAssembler byteByByte = ChunkAssembler.incremental();
            AssemblyException incremental = catchThrowableOfType(AssemblyException.class, () -> {
                for (byte b : input) {
                    byteByByte.feed(new byte[] {b});
                }
                byteByByte.finish();
            });
            assertThat(incremental.problem()).as(container).isEqualTo(e.problem());

            Completion lenient = ChunkAssembler.assemble(input, AssemblerOptions.defaults().withLenient(true));
            assertThat(lenient.text()).isEqualTo("kept");
            assertThat(lenient.incomplete()).isTrue();
            assertThat(lenient.problems()).containsExactly(e.problem());
        }
    }

    @ParameterizedTest
    @CsvSource({"C3 A9, é", "E2 82 AC, €", "ED 9F BF, \uD7FF", "EE 80 80, \uE000", "F0 90 80 80, \uD800\uDC00",
        "F4 8F BF BF, \uDBFF\uDFFF"})
    void validSequencesAtTheEdgesStillFold(String hex, String text) {
        for (String container : new String[] {"sse", "jsonl", "recording"}) {
            byte[] input = input(container, bytes(hex));
            assertThat(ChunkAssembler.assemble(input).text()).as(container).isEqualTo("kept" + text + "!");
            assertThat(ChunkAssembler.incremental().feed(input).finish().text()).isEqualTo("kept" + text + "!");
        }
    }

    /** Two chunks, the second's content the given bytes and a "!". */
    private static byte[] input(String container, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String second = HEAD;
        switch (container) {
            case "sse" -> out.writeBytes(("data: " + FIRST + "\n\ndata: " + second).getBytes(StandardCharsets.UTF_8));
            case "jsonl" -> out.writeBytes((FIRST + "\n" + second).getBytes(StandardCharsets.UTF_8));
            default -> out.writeBytes(("{\"request\":{},\"response\":{\"is_streaming\":true,\"body\":[" + FIRST + ","
                    + second).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(content);
        String end = "!" + TAIL + switch (container) {
            case "sse" -> "\n\ndata: [DONE]\n\n";
            case "jsonl" -> "\n";
            default -> "]}}";
        };
        out.writeBytes(end.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }
}
