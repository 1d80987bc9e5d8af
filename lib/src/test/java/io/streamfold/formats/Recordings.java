package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where the bundled recordings are, and JSON helpers the format tests share. */
final class Recordings {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Recordings() {
    }

    /** The project's {@code recordings/} folder (the build passes it; tests run from {@code lib/}). */
    static Path root() {
        String configured = System.getProperty("streamfold.recordings");
        Path path = configured != null ? Path.of(configured) : Path.of("../recordings");
        if (!Files.isDirectory(path)) {
            path = Path.of("recordings");
        }
        return path;
    }

    static Path real(String name) {
        return root().resolve("real").resolve(name);
    }

    static Path synthetic(String name) {
        return root().resolve("synthetic").resolve(name);
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts two JSON texts are the same tree: key order ignored, numbers compared by value
     * ({@code 8} equals {@code 8.0}), array order kept. On failure shows both, canonicalised.
     */
    static void assertSameJson(String actual, String expected) {
        assertSameJson(tree(actual), tree(expected));
    }

    static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(canonical(actual)).as("native JSON").isEqualTo(canonical(expected));
    }

    /** Pretty JSON with sorted keys and numbers as plain decimals, for comparison and diffs. */
    static String canonical(JsonNode node) {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(normalise(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalise(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), normalise(e.getValue()));
            }
            ObjectNode out = f.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(n -> out.add(normalise(n)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return f.textNode("#" + d.toPlainString());
        }
        return node;
    }

    /** The JSON payloads of the {@code data:} lines of an SSE text, in order, without {@code [DONE]}. */
    static List<String> sseData(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r")) {
            if (line.startsWith("data:")) {
                String data = line.substring(5).strip();
                if (!data.equals("[DONE]")) {
                    out.add(data);
                }
            }
        }
        return out;
    }
}
