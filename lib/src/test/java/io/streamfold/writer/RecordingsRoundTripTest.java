package io.streamfold.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import io.streamfold.StreamWriter.Chunking;
import io.streamfold.StreamWriter.Container;
import io.streamfold.TestRecordings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Over the bundled recordings: assemble, write in every format, assemble again: the same completion. */
class RecordingsRoundTripTest {

    /** The recordings that fold whole and strictly (a cut or failed stream is not a completion to write). */
    static List<Completion> whole() {
        List<Completion> completions = new ArrayList<>();
        for (String folder : List.of("real", "synthetic")) {
            for (Path path : TestRecordings.all(folder)) {
                try {
                    Completion c = ChunkAssembler.assemble(path);
                    if (!c.incomplete() && c.format() != null && !c.choices().isEmpty() && c.error().isEmpty()) {
                        completions.add(c);
                    }
                } catch (AssemblyException e) {
                    // the recordings of bad input: other tests' business
                }
            }
        }
        return completions;
    }

    @Test
    void everyRecordingFoldsBackFromEveryFormat() {
        List<Completion> recordings = whole();
        assertThat(recordings).hasSizeGreaterThan(40);
        Random r = new Random(16);
        for (Completion source : recordings) {
            for (Format target : Format.values()) {
                Container container = Container.values()[r.nextInt(4)];
                Chunking chunking = RoundTripPropertyTest.chunkings(r).get(r.nextInt(3));
                StreamWriter w = StreamWriter.builder().format(target).container(container).chunking(chunking).build();
                Completion back = RoundTripPropertyTest.roundTrip(source, w);
                RoundTripPropertyTest.assertFoldsBack(back, source, target, source.id() + ": " + RoundTripPropertyTest.describe(w, source));
            }
        }
    }

    /** What the writer does not write back in the recording's own format (docs/FORMATS.md, "Writing streams"). */
    static final java.util.Map<String, String> NOT_NATIVE = java.util.Map.of(
            "bedrock.converse-citations-redacted.json", "Bedrock citations and redacted reasoning",
            "cohere.chat-thinking-citations.sse", "Cohere citations",
            "openai.chat-openrouter-reasoning-details.sse", "OpenRouter reasoning_details",
            "openai.responses-completed-mismatch.jsonl", "the key order of the Responses fields in extra",
            "openai.responses-refusal.jsonl", "the key order of the Responses fields in extra",
            "openai.responses-text-call-reasoning.sse", "the key order of the Responses fields in extra",
            "openai.responses-web-search-text.sse", "the key order of the Responses fields in extra");

    @Test
    void inItsOwnFormatARecordingFoldsBackToTheSameNativeResponse() {
        int compared = 0;
        for (String folder : List.of("real", "synthetic", "seeds")) {
            for (Path path : TestRecordings.all(folder)) {
                Completion source;
                try {
                    source = ChunkAssembler.assemble(path);
                } catch (AssemblyException e) {
                    continue;
                }
                if (source.incomplete() || source.format() == null || NOT_NATIVE.containsKey(path.getFileName().toString())) {
                    continue;
                }
                for (Container container : Container.values()) {
                    StreamWriter w = StreamWriter.builder().container(container).chunking(Chunking.range(1, 9, 3)).build();
                    assertThat(RoundTripPropertyTest.roundTrip(source, w).toJson()).as(path + " in " + container)
                            .isEqualTo(source.toJson());
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void everyRecordingKeepsItsOwnIdModelAndUsage() {
        for (Completion source : whole()) {
            for (Container container : Container.values()) {
                StreamWriter w = StreamWriter.builder().container(container).chunking(Chunking.perToken()).build();
                Completion back = RoundTripPropertyTest.roundTrip(source, w);
                String what = source.id() + ": " + RoundTripPropertyTest.describe(w, source);
                assertThat(back.format()).as(what).isEqualTo(source.format());
                assertThat(back.id()).as(what).isEqualTo(source.id());
                assertThat(back.model()).as(what).isEqualTo(source.model());
                assertThat(back.rawFinishReason()).as(what).isEqualTo(source.rawFinishReason());
                assertThat(back.usage() == null ? null : back.usage().details()).as(what)
                        .isEqualTo(source.usage() == null ? null : source.usage().details());
            }
        }
    }
}
