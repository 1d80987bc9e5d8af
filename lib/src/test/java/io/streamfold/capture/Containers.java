package io.streamfold.capture;

import io.streamfold.AssemblerOptions;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.TestRecordings;
import java.nio.file.Path;
import java.util.List;

/** Reads every response of a container file, through the public API. */
final class Containers {

    private Containers() {
    }

    static List<Completion> all(String relative) {
        return ChunkAssembler.assembleAll(TestRecordings.path(relative));
    }

    static List<Completion> all(Path file, AssemblerOptions options) {
        return ChunkAssembler.assembleAll(file, options);
    }
}
