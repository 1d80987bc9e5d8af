package io.streamfold.internal.neutral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamfold.ToolCall;
import io.streamfold.internal.core.Values;
import java.io.IOException;
import java.util.Map;

/** A tool call's arguments read as JSON with jackson-core, with errors that say what the text is. */
public final class Arguments {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Arguments() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(ToolCall call) {
        Object value = parse(call);
        if (value == null && call.arguments().isBlank()) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("The arguments of tool call " + describe(call)
                    + " are JSON but not an object: " + Values.describe(value));
        }
        return Immutable.map((Map<String, Object>) value);
    }

    public static String asJson(ToolCall call) {
        Object value = parse(call);
        if (value == null && call.arguments().isBlank()) {
            return "{}";
        }
        return io.streamfold.internal.json.Read.json(value);
    }

    /** The arguments as a plain value, or null for blank arguments. */
    private static Object parse(ToolCall call) {
        String text = call.arguments();
        if (text.isBlank()) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            p.nextToken();
            Object value = io.streamfold.internal.json.JsonValues.read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("The arguments of tool call " + describe(call)
                        + " are not one JSON value: more follows at column " + p.currentTokenLocation().getColumnNr()
                        + ": " + preview(text));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The arguments of tool call " + describe(call) + " are not valid JSON ("
                    + e.getOriginalMessage() + ", at column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())
                    + "): " + preview(text) + ". The stream may have been cut short, or the tool takes free-form input"
                    + " (read arguments() as text)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The arguments of tool call " + describe(call) + " could not be read", e);
        }
    }

    private static String describe(ToolCall call) {
        return call.index() + " (" + call.name() + ")";
    }

    private static String preview(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

}
