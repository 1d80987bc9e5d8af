package io.streamfold.assertj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tool-call arguments as JSON trees: parsing, comparing (numbers by value, key order ignored), and the first difference. */
final class JsonArguments {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Equal nodes, or numbers of equal value (1, 1.0 and 1e0 alike); anything else differs. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private JsonArguments() {
    }

    /**
     * Parses a JSON text, whole.
     *
     * @throws JsonProcessingException when it is not JSON, or is empty
     */
    static JsonNode parse(String text) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            throw new JsonProcessingException("no JSON: the text is empty") { };
        }
        return MAPPER.readTree(text);
    }

    /** Converts an expected value (string, number, boolean, null, map, list, JsonNode) to a tree. */
    static JsonNode tree(Object value) {
        JsonNode node = value == null ? null : MAPPER.valueToTree(value);
        return node == null ? NullNode.getInstance() : node;
    }

    static Map<String, Object> map(JsonNode object) {
        return MAPPER.convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Compact JSON text of a node. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }

    static boolean same(JsonNode expected, JsonNode actual) {
        return actual != null && expected.equals(NUMBERS_BY_VALUE, actual);
    }

    /**
     * Finds a field: a top-level name, or a JSON Pointer when it starts with {@code /}
     * ({@code /location/city}, {@code /items/0}). Returns null when absent.
     */
    static JsonNode field(JsonNode root, String field) {
        JsonNode found = field.startsWith("/") ? root.at(field) : root.get(field);
        return found == null || found.isMissingNode() ? null : found;
    }

    /** Says where two trees first differ, as {@code /path: expected X but was Y}; null when they are the same. */
    static String firstDifference(JsonNode expected, JsonNode actual) {
        return firstDifference(expected, actual, "");
    }

    private static String firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            for (Map.Entry<String, JsonNode> entry : expected.properties()) {
                String at = path + "/" + escape(entry.getKey());
                JsonNode other = actual.get(entry.getKey());
                if (other == null) {
                    return at + ": expected " + write(entry.getValue()) + " but the field is missing";
                }
                String difference = firstDifference(entry.getValue(), other, at);
                if (difference != null) {
                    return difference;
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return path + "/" + escape(name) + ": unexpected field, with " + write(actual.get(name));
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray()) {
            int common = Math.min(expected.size(), actual.size());
            for (int i = 0; i < common; i++) {
                String difference = firstDifference(expected.get(i), actual.get(i), path + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            if (expected.size() != actual.size()) {
                return (path.isEmpty() ? "/" : path) + ": expected " + expected.size() + " elements but there are "
                        + actual.size();
            }
            return null;
        }
        return same(expected, actual) ? null
                : (path.isEmpty() ? "/" : path) + ": expected " + write(expected) + " but was " + write(actual);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
