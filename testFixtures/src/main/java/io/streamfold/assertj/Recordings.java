package io.streamfold.assertj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds recordings by name in a folder of recordings: by default the project's {@code recordings/}.
 *
 * <pre>{@code
 * Path seed = Recordings.named("seeds/000_4f3d0a612d65cd5e.json");
 * Path mine = Recordings.in(Path.of("src/test/resources/streams")).resolve("weather.sse");
 * List<Path> all = Recordings.bundled().list();
 * }</pre>
 *
 * <p>The default folder is the system property {@value #FOLDER_PROPERTY} when set (streamfold's
 * build sets it for surefire), else the first folder named {@code recordings} found in the working
 * directory or one of its parents.
 */
public final class Recordings {

    /** The system property naming the default folder of recordings. */
    public static final String FOLDER_PROPERTY = "streamfold.recordings";

    /** The file name endings of recordings, as the command-line tool reads folders. */
    private static final List<String> ENDINGS = List.of(".json", ".jsonl", ".ndjson", ".sse");

    private final Path folder;

    private Recordings(Path folder) {
        this.folder = folder;
    }

    /**
     * Recordings in this folder.
     *
     * @param folder a folder of recordings, such as {@code src/test/resources/recordings}
     * @return the recordings there
     * @throws IllegalArgumentException if the folder does not exist
     */
    public static Recordings in(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Not a folder of recordings: " + folder.toAbsolutePath().normalize());
        }
        return new Recordings(folder.toAbsolutePath().normalize());
    }

    /**
     * Recordings in the default folder; see the class comment.
     *
     * @return the recordings there
     * @throws IllegalStateException if there is none
     */
    public static Recordings bundled() {
        return new Recordings(defaultFolder());
    }

    /**
     * Returns the path of a recording in the default folder.
     *
     * @param name the recording's path inside the folder, with {@code /} separators:
     *     {@code "seeds/000_4f3d0a612d65cd5e.json"}
     * @return the recording's path
     * @throws IllegalArgumentException if there is no such file, listing the recordings there are
     * @throws IllegalStateException if there is no default folder
     */
    public static Path named(String name) {
        return bundled().resolve(name);
    }

    /**
     * The default folder: the system property {@value #FOLDER_PROPERTY}, else {@code recordings/}
     * in the working directory or the nearest parent that has one.
     *
     * @return the folder, absolute
     * @throws IllegalStateException if the property names no folder, or none is found
     */
    public static Path defaultFolder() {
        String property = System.getProperty(FOLDER_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path folder = Path.of(property).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("The system property " + FOLDER_PROPERTY + " names no folder: " + folder);
            }
            return folder;
        }
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("recordings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No folder of recordings: set the system property " + FOLDER_PROPERTY
                + ", or run from a folder that has recordings/ in it or in a parent (working directory: " + start + ")");
    }

    /** {@return the folder, absolute} */
    public Path folder() {
        return folder;
    }

    /**
     * Returns the path of a recording in this folder.
     *
     * @param name the recording's path inside the folder, with {@code /} separators
     * @return the recording's path
     * @throws IllegalArgumentException if there is no such file, listing the recordings there are
     */
    public Path resolve(String name) {
        Objects.requireNonNull(name, "name");
        Path path = folder.resolve(name).normalize();
        if (!path.startsWith(folder) || !Files.isRegularFile(path)) {
            List<String> names = list().stream().map(this::nameOf).collect(Collectors.toList());
            throw new IllegalArgumentException("No recording named '" + name + "' in " + folder + "; there are "
                    + names.size() + ": " + names);
        }
        return path;
    }

    /**
     * Every recording in this folder and its subfolders ({@code .json}, {@code .jsonl},
     * {@code .ndjson} and {@code .sse} files), sorted by name.
     *
     * @return the recordings' paths
     */
    public List<Path> list() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> ENDINGS.stream().anyMatch(path.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the recordings in " + folder, e);
        }
    }

    /**
     * Names a recording in this folder as {@link #resolve(String)} takes it.
     *
     * @param recording a recording's path in this folder
     * @return its name, such as {@code seeds/000_4f3d0a612d65cd5e.json}
     */
    public String nameOf(Path recording) {
        Path relative = folder.relativize(recording.toAbsolutePath().normalize());
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** How failures name a recording file: relative to the working directory when inside it, else absolute. */
    static String display(Path recording) {
        Path absolute = recording.toAbsolutePath().normalize();
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString() : absolute.toString();
    }

    @Override
    public String toString() {
        return "Recordings in " + folder;
    }
}
