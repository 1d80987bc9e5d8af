package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input that holds no stream at all is located like every other error: empty at its end, HTML at its tag. */
class NoStreamInputTest {

    private static List<Problem> problemsOf(byte[] input) {
        return List.of(
                catchThrowableOfType(AssemblyException.class, () -> ChunkAssembler.assemble(input)).problem(),
                catchThrowableOfType(AssemblyException.class,
                        () -> ChunkAssembler.assemble(new ByteArrayInputStream(input))).problem(),
                catchThrowableOfType(AssemblyException.class,
                        () -> ChunkAssembler.incremental().feed(input).finish()).problem());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty||empty input|1|1|0",
        "blanks|'  \\n \\n  '|empty input|3|3|7",
        "CRLF blanks|' \\r\\n\\t'|empty input|2|2|4",
        "an error page|'\\n<html><body>502 Bad Gateway</body></html>'|HTML or XML|2|1|1",
    })
    void isLocated(String what, String escaped, String message, long line, long column, long offset) {
        String text = escaped == null ? "" : escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
        for (Problem p : problemsOf(text.getBytes(StandardCharsets.UTF_8))) {
            assertThat(p.kind()).isEqualTo(Problem.Kind.MALFORMED);
            assertThat(p.message()).contains(message);
            assertThat(List.of(p.line(), p.column(), p.byteOffset())).as(what).containsExactly(line, column, offset);
        }
    }
}
