package io.streamfold.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings finds recordings by name, in the default folder or one given. */
class RecordingsTest {

    @TempDir
    Path tmp;

    @Test
    void theDefaultFolderIsTheSystemPropertySetForSurefire() throws IOException {
        String property = System.getProperty(Recordings.FOLDER_PROPERTY);
        assertThat(property).as("surefire sets " + Recordings.FOLDER_PROPERTY).isNotBlank();
        assertThat(Recordings.defaultFolder()).isEqualTo(Path.of(property).toAbsolutePath().normalize());
        assertThat(Recordings.bundled().folder().resolve("seeds")).isDirectory();
    }

    @Test
    void namedResolvesARecordingInTheDefaultFolder() {
        Path seed = Recordings.named("seeds/000_4f3d0a612d65cd5e.json");
        assertThat(seed).isRegularFile().isAbsolute().endsWith(Path.of("recordings", "seeds", "000_4f3d0a612d65cd5e.json"));
    }

    @Test
    void aMissingNameFailsListingTheRecordingsThereAre() {
        assertThatThrownBy(() -> Recordings.named("seeds/999_nope.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("No recording named 'seeds/999_nope.json'", "seeds/000_4f3d0a612d65cd5e.json",
                        "real/gemini-text--86173aaf2711.json");
    }

    @Test
    void aNameCannotLeaveTheFolder() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("recs"));
        Files.writeString(tmp.resolve("outside.json"), "[]");
        assertThatThrownBy(() -> Recordings.in(folder).resolve("../outside.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inAFolderOfYourOwnListsItsRecordingsByName() throws IOException {
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("a/b/one.sse"), "data: {}\n\n");
        Files.writeString(tmp.resolve("two.jsonl"), "{}\n");
        Files.writeString(tmp.resolve("notes.txt"), "not a recording");
        Recordings mine = Recordings.in(tmp);
        assertThat(mine.list()).extracting(mine::nameOf).containsExactly("a/b/one.sse", "two.jsonl");
        assertThat(mine.resolve("a/b/one.sse")).isEqualTo(tmp.resolve("a/b/one.sse").toAbsolutePath().normalize());
        assertThat(mine.folder()).isEqualTo(tmp.toAbsolutePath().normalize());
    }

    @Test
    void inRejectsAFolderThatDoesNotExist() {
        assertThatThrownBy(() -> Recordings.in(tmp.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void withoutThePropertyTheFolderIsFoundByWalkingUp() {
        String property = System.getProperty(Recordings.FOLDER_PROPERTY);
        System.clearProperty(Recordings.FOLDER_PROPERTY);
        try {
            // surefire runs in testFixtures/, whose parent holds recordings/
            Path found = Recordings.defaultFolder();
            assertThat(found.getFileName()).hasToString("recordings");
            assertThat(found).isEqualTo(Path.of(property).toAbsolutePath().normalize());
        } finally {
            System.setProperty(Recordings.FOLDER_PROPERTY, property);
        }
    }

    @Test
    void aPropertyNamingNoFolderFails() {
        String property = System.getProperty(Recordings.FOLDER_PROPERTY);
        System.setProperty(Recordings.FOLDER_PROPERTY, tmp.resolve("missing").toString());
        try {
            assertThatThrownBy(Recordings::defaultFolder)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContainingAll(Recordings.FOLDER_PROPERTY, "missing");
        } finally {
            System.setProperty(Recordings.FOLDER_PROPERTY, property);
        }
    }

    @Test
    void withoutThePropertyNamedLooksInTestResourcesThenTheClassPathThenRecordings() throws Exception {
        String property = System.getProperty(Recordings.FOLDER_PROPERTY);
        System.clearProperty(Recordings.FOLDER_PROPERTY);
        try {
            // surefire runs in testFixtures/: its src/test/resources first, as in a user's project
            Path inResources = Recordings.named("io/streamfold/assertj/classpath-recording.sse");
            assertThat(inResources).isEqualTo(Path.of("src/test/resources/io/streamfold/assertj/classpath-recording.sse")
                    .toAbsolutePath().normalize());
            // only on the class path, inside a jar: a temporary copy
            Path fromJar = Recordings.named("org/assertj/core/api/Assertions.class");
            assertThat(fromJar).isRegularFile().hasFileName(fromJar.getFileName().toString());
            assertThat(fromJar.getFileName().toString()).endsWith("-Assertions.class");
            // then the recordings/ folder up from the working directory
            assertThat(Recordings.named("seeds/000_4f3d0a612d65cd5e.json")).isRegularFile();
            assertThatThrownBy(() -> Recordings.named("streams/none.sse"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("No recording named 'streams/none.sse'", "src/test/resources",
                            "on the class path", Recordings.FOLDER_PROPERTY);
        } finally {
            System.setProperty(Recordings.FOLDER_PROPERTY, property);
        }
    }
}
