package io.streamfold.assertj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds recordings by name: in your project's test resources, on the class path, or in a folder
 * of recordings.
 *
 * <pre>{@code
 * Path mine = Recordings.named("streams/weather.sse");           // src/test/resources/streams/weather.sse
 * URL packaged = Recordings.classpath("recordings/weather.json"); // from any jar or folder on the class path
 * Path other = Recordings.in(Path.of("fixtures")).resolve("weather.sse");
 * List<Path> all = Recordings.bundled().list();
 * }</pre>
 *
 * <p>{@link #named(String)} looks in the folder the system property {@value #FOLDER_PROPERTY}
 * names when it is set (streamfold's build sets it for surefire); else in
 * {@code src/test/resources/}, then on the class path, then in the first folder named
 * {@code recordings} found in the working directory or one of its parents.
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
     * @throws IllegalStateException if there is none
     */
    public static Recordings bundled() {
        return new Recordings(defaultFolder());
    }

    /**
     * Returns the path of a recording by name: in the folder {@value #FOLDER_PROPERTY} names when
     * that property is set; else {@code src/test/resources/<name>} (of the working directory),
     * then the class-path resource {@code <name>} (copied to a temporary file when it is inside a
     * jar), then {@code <name>} in the nearest {@code recordings/} folder up from the working directory.
     *
     * @param name the recording's path, with {@code /} separators: {@code "streams/weather.sse"}
     * @throws IllegalArgumentException if there is no such recording, saying where it was looked for
     */
    public static Path named(String name) {
        Objects.requireNonNull(name, "name");
        String property = System.getProperty(FOLDER_PROPERTY);
        if (property != null && !property.isBlank()) {
            return bundled().resolve(name);
        }
        Path working = Path.of("").toAbsolutePath().normalize();
        Path resources = working.resolve("src/test/resources");
        Path inResources = resources.resolve(name).normalize();
        if (inResources.startsWith(resources) && Files.isRegularFile(inResources)) {
            return inResources;
        }
        URL resource = resource(name);
        if (resource != null) {
            return pathOf(resource, name);
        }
        Path folder = nearestRecordingsFolder();
        if (folder != null) {
            Path inFolder = folder.resolve(name).normalize();
            if (inFolder.startsWith(folder) && Files.isRegularFile(inFolder)) {
                return inFolder;
            }
        }
        throw new IllegalArgumentException("No recording named '" + name + "': looked in " + resources
                + ", on the class path" + (folder == null ? "" : ", and in " + folder)
                + " (set the system property " + FOLDER_PROPERTY + " to name a folder of recordings)");
    }

    /**
     * Returns the URL of a recording on the class path, such as one a test jar packages.
     *
     * @param name the resource's path, with {@code /} separators and no leading one:
     *     {@code "recordings/weather.json"}
     * @throws IllegalArgumentException if the class path has no such resource
     */
    public static URL classpath(String name) {
        Objects.requireNonNull(name, "name");
        URL url = resource(name);
        if (url == null) {
            throw new IllegalArgumentException("No recording '" + name + "' on the class path");
        }
        return url;
    }

    private static URL resource(String name) {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = loader == null ? null : loader.getResource(relative);
        return url != null ? url : Recordings.class.getClassLoader().getResource(relative);
    }

    /** A class-path resource as a file: the file itself, or a temporary copy of a jar entry. */
    private static Path pathOf(URL resource, String name) {
        try {
            if ("file".equals(resource.getProtocol())) {
                return Path.of(resource.toURI());
            }
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            Path copy = Files.createTempFile("streamfold-", "-" + fileName);
            copy.toFile().deleteOnExit();
            try (InputStream in = resource.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalArgumentException("Could not read the recording " + resource + ": " + e, e);
        }
    }

    /**
     * The default folder: the system property {@value #FOLDER_PROPERTY}, else {@code recordings/}
     * in the working directory or the nearest parent that has one.
     *
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
        Path found = nearestRecordingsFolder();
        if (found != null) {
            return found;
        }
        throw new IllegalStateException("No folder of recordings: set the system property " + FOLDER_PROPERTY
                + ", or run from a folder that has recordings/ in it or in a parent (working directory: " + start + ")");
    }

    private static Path nearestRecordingsFolder() {
        for (Path dir = Path.of("").toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("recordings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The folder, absolute. */
    public Path folder() {
        return folder;
    }

    /**
     * Returns the path of a recording in this folder.
     *
     * @param name the recording's path inside the folder, with {@code /} separators
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

    /** The name of a recording in this folder, as {@link #resolve(String)} takes it: {@code seeds/000_4f3d0a612d65cd5e.json}. */
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
