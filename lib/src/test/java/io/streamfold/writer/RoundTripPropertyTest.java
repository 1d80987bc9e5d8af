package io.streamfold.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter;
import io.streamfold.StreamWriter.Chunking;
import io.streamfold.StreamWriter.Container;
import io.streamfold.StreamWriter.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer's property: what it writes folds back to what it was given, for every format (as the
 * source and as the target), container, chunking policy and quirk profile. A seeded loop: a
 * failure names its seed, and the same seed fails the same way.
 */
class RoundTripPropertyTest {

    static final int SEEDS = 24;

    static List<Chunking> chunkings(Random r) {
        return List.of(Chunking.fixed(1 + r.nextInt(7)), Chunking.range(1, 1 + r.nextInt(12), r.nextLong()), Chunking.perToken());
    }

    /** Writes the completion and folds what was written, strictly. */
    static Completion roundTrip(Completion source, StreamWriter writer) {
        byte[] bytes = writer.write(source);
        try {
            return ChunkAssembler.assemble(bytes, AssemblerOptions.defaults().withSource(writer.toString()));
        } catch (RuntimeException e) {
            throw new AssertionError(describe(writer, source) + " did not fold: " + e.getMessage() + "\n"
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    static String describe(StreamWriter w, Completion source) {
        return source.format() + " -> " + w.format() + " in " + w.container() + ", " + w.chunking() + ", profiles "
                + w.profiles();
    }

    static void assertFoldsBack(Completion back, Completion source, Format target, String description) {
        List<java.util.Map<String, Object>> views = NeutralView.pair(back, source, target);
        assertThat(views.get(0)).as(description).isEqualTo(views.get(1));
    }

    /** Each generated chat completion, written in every format: the target's view of it survives. */
    static Completion inFormat(Completion chat, Format format, Random r) {
        StreamWriter w = StreamWriter.builder().format(format).container(Container.values()[r.nextInt(4)])
                .chunking(chunkings(r).get(r.nextInt(3))).build();
        Completion written = roundTrip(chat, w);
        assertFoldsBack(written, chat, format, describe(w, chat));
        return written;
    }

    @Test
    void everyFormatToEveryFormatFoldsBack() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Random r = new Random(seed);
            Completion chat = Generated.completion(seed);
            for (Format source : Format.values()) {
                Completion native_ = inFormat(chat, source, r);
                for (Format target : Format.values()) {
                    Container container = Container.values()[r.nextInt(4)];
                    Chunking chunking = chunkings(r).get(r.nextInt(3));
                    StreamWriter w = StreamWriter.builder().format(target).container(container).chunking(chunking).build();
                    Completion back = roundTrip(native_, w);
                    assertFoldsBack(back, native_, target, "seed " + seed + ": " + describe(w, native_));
                    assertThat(back.incomplete()).as("seed " + seed + ": " + describe(w, native_)).isFalse();
                }
            }
        }
    }

    @Test
    void ownFormatKeepsTheNativeResponse() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Random r = new Random(seed);
            Completion chat = Generated.completion(seed);
            for (Format format : Format.values()) {
                Completion native_ = inFormat(chat, format, r);
                for (Container container : Container.values()) {
                    for (Chunking chunking : chunkings(r)) {
                        StreamWriter w = StreamWriter.builder().container(container).chunking(chunking).build();
                        Completion back = roundTrip(native_, w);
                        assertThat(back.toJson()).as("seed " + seed + ": " + describe(w, native_)).isEqualTo(native_.toJson());
                        assertThat(back.warnings()).as("seed " + seed + ": " + describe(w, native_)).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void everyProfileFoldsBack() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Random r = new Random(seed);
            Completion chat = Generated.completion(seed);
            for (Format source : Format.values()) {
                Completion native_ = inFormat(chat, source, r);
                for (Profile profile : Profile.values()) {
                    for (Container container : Container.values()) {
                        StreamWriter w = StreamWriter.builder().format(Format.OPENAI_CHAT).profile(profile).container(container)
                                .chunking(chunkings(r).get(r.nextInt(3))).build();
                        Completion back = roundTrip(native_, w);
                        assertFoldsBack(back, native_, Format.OPENAI_CHAT, "seed " + seed + ": " + describe(w, native_));
                    }
                }
            }
        }
    }
}
