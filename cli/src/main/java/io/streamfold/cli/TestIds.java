package io.streamfold.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a llama-stack recording's {@code test_id}, which names it better than its hashed file
 * name. The library folds the response and leaves the recording's own fields alone, so the CLI
 * looks for this one itself: only the top level is read, and a file whose first key is not a
 * recording's stops the search there (chunks, JSON Lines, SSE text).
 */
final class TestIds {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** The top-level keys of a llama-stack recording (as the library's container grammar has them). */
    private static final Set<String> RECORDING_KEYS = Set.of("request", "response", "test_id", "id_normalization_mapping");

    private TestIds() {
    }

    /** The file's {@code test_id}, or null when it has none, is no recording, or cannot be read. */
    static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(FACTORY.createParser(in));
        } catch (IOException | RuntimeException e) {
            return null; // the fold reports what is wrong with the file
        }
    }

    /** The {@code test_id} of a recording held in memory, or null. */
    static String of(byte[] bytes) {
        try {
            return read(FACTORY.createParser(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String read(JsonParser p) throws IOException {
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!RECORDING_KEYS.contains(name)) {
                    return null;
                }
                JsonToken value = p.nextToken();
                if (name.equals("test_id")) {
                    return value == JsonToken.VALUE_STRING && !p.getText().isBlank() ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        }
    }
}
