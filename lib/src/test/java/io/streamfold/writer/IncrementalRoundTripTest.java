package io.streamfold.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.IncrementalAssembler;
import io.streamfold.StreamWriter;
import io.streamfold.StreamWriter.Container;
import io.streamfold.StreamWriter.Profile;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the writer writes folds the same fed in random slices as read whole: the incremental reader's parity. */
class IncrementalRoundTripTest {

    @Test
    void writtenStreamsFoldTheSameAsTheyArrive() {
        for (long seed = 0; seed < 12; seed++) {
            Random r = new Random(seed);
            Completion chat = Generated.completion(seed);
            for (Format format : Format.values()) {
                for (Container container : Container.values()) {
                    StreamWriter.Builder b = StreamWriter.builder().format(format).container(container)
                            .chunking(RoundTripPropertyTest.chunkings(r).get(r.nextInt(3)));
                    if (format == Format.OPENAI_CHAT) {
                        b.profile(Profile.values()[r.nextInt(Profile.values().length)]);
                    }
                    StreamWriter w = b.build();
                    byte[] bytes = w.write(chat);
                    IncrementalAssembler live = ChunkAssembler.incremental();
                    for (int at = 0; at < bytes.length; ) {
                        int n = Math.min(bytes.length - at, 1 + r.nextInt(40));
                        live.feed(bytes, at, n);
                        at += n;
                    }
                    Completion batch = ChunkAssembler.assemble(bytes);
                    Completion fed = live.finish();
                    String what = "seed " + seed + ": " + RoundTripPropertyTest.describe(w, chat);
                    assertThat(fed.toJson()).as(what).isEqualTo(batch.toJson());
                    assertThat(fed.warnings()).as(what).isEqualTo(batch.warnings());
                }
            }
        }
    }
}
