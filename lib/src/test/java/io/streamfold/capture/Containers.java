package io.streamfold.capture;

import io.streamfold.AssemblerOptions;
import io.streamfold.Completion;
import io.streamfold.TestRecordings;
import io.streamfold.internal.capture.Captures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads every response of a container file: the one place the tests ask for them all. */
final class Containers {

    private Containers() {
    }

    static List<Completion> all(String relative) {
        return all(TestRecordings.path(relative), AssemblerOptions.defaults());
    }

    static List<Completion> all(Path file, AssemblerOptions options) {
        AssemblerOptions named = options.source() == null ? options.withSource(file.toString()) : options;
        try (InputStream in = Files.newInputStream(file)) {
            return Captures.assembleAll(in, named, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Completion> all(byte[] bytes) {
        return Captures.assembleAll(bytes, AssemblerOptions.defaults(), null);
    }
}
