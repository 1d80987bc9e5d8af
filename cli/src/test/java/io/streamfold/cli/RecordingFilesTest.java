package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder scan finds the HTTP recorders' files, and a WireMock root's stubs without their body files. */
class RecordingFilesTest {

    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        return file;
    }

    @Test
    void findsCassettesHarsGzipAndStubsButNotTheirBodies() throws IOException {
        List<Path> wanted = List.of(touch("a.yaml"), touch("b.yml"), touch("c.har"), touch("d.yaml.gz"),
                touch("wiremock/mappings/chat.json"), touch("wiremock/mappings/nested/more.json"), touch("z.sse"));
        touch("wiremock/__files/chat.sse");
        touch("notes.txt");
        Path loneFiles = touch("elsewhere/__files/stream.sse"); // no mappings beside it: a folder like any other

        assertThat(RecordingFiles.find(List.of(dir.toString()))).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(wanted.stream(), java.util.stream.Stream.of(loneFiles)).toList());
    }
}
