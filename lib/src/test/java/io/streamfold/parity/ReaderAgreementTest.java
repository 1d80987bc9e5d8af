package io.streamfold.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import io.streamfold.Problem;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The inputs on which the two readers used to disagree, each fed whole, byte by byte and in halves. */
class ReaderAgreementTest {

    private static final String CHUNK = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}";

    @Test
    void anIsStreamingThatIsAnObjectIsPassedOverWholeByBoth() {
        Outcome outcome = agreed("{\"response\":{\"is_streaming\":{\"really\":true},\"body\":[" + CHUNK + "]}}");

        assertThat(outcome.problem()).isNull();
        assertThat(outcome.completion().message().content()).isEqualTo("Hello");
    }

    @Test
    void aCutInsideTheFirstFieldNameOfAnSseChunkNamesTheSameChunk() {
        Problem problem = agreed("data: {\"id").problem();

        assertThat(problem.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(problem.chunk()).isEqualTo(1);
    }

    @Test
    void aCutAfterTheFirstFieldNameOfAJsonLineNamesTheSameChunk() {
        Problem problem = agreed("{\"type\":").problem();

        assertThat(problem.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(problem.chunk()).isZero(); // the container is not known yet: a recording or a first chunk
    }

    @Test
    void anUnrecognisedTokenIsAtTheSameOffset() {
        String input = CHUNK + "\nnonsense\n";
        Problem problem = agreed(input).problem();

        assertThat(problem.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.byteOffset()).isBetween((long) CHUNK.length() + 1, (long) input.length());
    }

    @Test
    void aFaultInABodyBeforeIsStreamingWaitsForItInBoth() {
        String recording = "{\"response\":{\"body\":[{\"__type__\":\"x\"}],\"is_streaming\":false}}";

        assertThat(agreed(recording).problem().kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
    }

    /** What both readers give, checked equal in strict and lenient mode and in several splits; the strict one. */
    private static Outcome agreed(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Outcome strict = null;
        for (AssemblerOptions options : new AssemblerOptions[] {AssemblerOptions.defaults(),
            AssemblerOptions.defaults().withLenient(true)}) {
            Outcome whole = Outcome.assemble(input, options);
            assertThat(Outcome.incremental(input, new int[0], options)).isEqualTo(whole);
            assertThat(Outcome.incremental(input, IntStream.range(0, input.length).toArray(), options)).isEqualTo(whole);
            assertThat(Outcome.incremental(input, new int[] {input.length / 2}, options)).isEqualTo(whole);
            if (strict == null) {
                strict = whole;
            }
        }
        return strict;
    }
}
