package io.streamfold.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Source;
import io.streamfold.TestRecordings;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same stream, kept by every recorder we read, folds to the same completion as the bare
 * stream does: a container changes where a response is read from, never what it is.
 */
class SameStreamEveryContainerTest {

    static Stream<Arguments> chatStream() {
        return Stream.of(
                Arguments.of("containers/vcrpy-chat.yaml", 1, Source.Container.VCR),
                Arguments.of("containers/vcrpy-chat.json", 1, Source.Container.VCR),
                Arguments.of("containers/vcrpy-chat.yaml.gz", 1, Source.Container.VCR),
                Arguments.of("containers/ruby-vcr-chat.yml", 1, Source.Container.RUBY_VCR),
                Arguments.of("containers/ruby-vcr-chat.json", 0, Source.Container.RUBY_VCR),
                Arguments.of("containers/chat.har", 1, Source.Container.HAR),
                Arguments.of("containers/chat.har", 2, Source.Container.HAR),
                Arguments.of("containers/eventsource.har", 0, Source.Container.HAR),
                Arguments.of("containers/wiremock/mappings/chat-stream.json", -1, Source.Container.WIREMOCK),
                Arguments.of("containers/wiremock/mappings/several.json", 1, Source.Container.WIREMOCK));
    }

    @ParameterizedTest(name = "{0} entry {1}")
    @MethodSource("chatStream")
    void theChatStreamFoldsAsTheBareStreamDoes(String container, int entry, Source.Container kind) {
        Completion bare = TestRecordings.assemble("containers/chat-stream.sse");
        Completion inside = at(Containers.all(container), entry);

        assertThat(inside).isEqualTo(bare);
        assertThat(inside.toJson()).isEqualTo(bare.toJson());
        assertThat(inside.format()).isEqualTo(Format.OPENAI_CHAT);
        assertThat(inside.source().container()).isEqualTo(kind);
    }

    static Stream<Arguments> geminiStream() {
        return Stream.of(
                Arguments.of("containers/genai-replay.json", 0, Source.Container.GENAI_REPLAY),
                Arguments.of("containers/gemini-stream.har", 0, Source.Container.HAR));
    }

    @ParameterizedTest(name = "{0} entry {1}")
    @MethodSource("geminiStream")
    void theGeminiStreamFoldsAsTheBareStreamDoes(String container, int entry, Source.Container kind) {
        Completion bare = TestRecordings.assemble("containers/gemini-stream.sse");
        Completion inside = at(Containers.all(container), entry);

        assertThat(inside.toJson()).isEqualTo(bare.toJson());
        assertThat(inside.choices()).isEqualTo(bare.choices());
        assertThat(inside.usage()).isEqualTo(bare.usage());
        assertThat(inside.chunkCount()).isEqualTo(bare.chunkCount());
        assertThat(inside.source().container()).isEqualTo(kind);
    }

    private static Completion at(List<Completion> all, int entry) {
        return all.stream().filter(c -> c.source().entry() == null ? entry < 0 : c.source().entry() == entry).findFirst()
                .orElseThrow(() -> new AssertionError("no response at entry " + entry + " in " + all));
    }
}
