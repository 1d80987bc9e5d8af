package io.streamfold.internal.capture;

/**
 * Whether YAML can be read: jackson-dataformat-yaml is an optional dependency of the library, so
 * a YAML cassette without it is a located error that names the artifact to add.
 */
final class YamlSupport {

    static final String ARTIFACT = "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml";

    private static final boolean AVAILABLE = availableIn(YamlSupport.class.getClassLoader());

    private YamlSupport() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** True when this class loader finds jackson-dataformat-yaml and SnakeYAML (which it needs). */
    static boolean availableIn(ClassLoader loader) {
        try {
            Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLFactory", false, loader);
            Class.forName("org.yaml.snakeyaml.LoaderOptions", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The message of the error a YAML cassette gets when YAML cannot be read. */
    static String missingMessage(String what) {
        return "Reading " + what + " needs jackson-dataformat-yaml on the class path, an optional dependency of"
                + " streamfold: add " + ARTIFACT + " (the version of your jackson-core) to your build (on the module"
                + " path, also --add-modules com.fasterxml.jackson.dataformat.yaml)";
    }
}
