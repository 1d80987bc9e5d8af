package io.streamfold.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.Completion;
import io.streamfold.internal.core.Values;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * Renders a completion as its format's native non-streaming JSON, with Jackson's generator:
 * chat.completion, text_completion, a Responses response, an Anthropic message, a Gemini
 * response (in the input's spelling) or an interaction.
 */
public final class NativeJson {

    static final JsonFactory FACTORY = new JsonFactory();

    private NativeJson() {
    }

    public static String write(Completion completion, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(completion, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the native object into a generator (the CLI nests it in its JSON Lines). */
    public static void write(Completion completion, JsonGenerator g) throws IOException {
        String format = completion.format() == null ? "openai.chat" : completion.format().wireName();
        switch (format) {
            case "openai.completion":
                ChatWriter.writeTextCompletion(completion, g);
                break;
            case "openai.responses":
                ResponsesWriter.write(completion, g);
                break;
            case "anthropic.messages":
                AnthropicWriter.write(completion, g);
                break;
            case "gemini":
                GeminiWriter.write(completion, g);
                break;
            case "gemini.interactions":
                InteractionsWriter.write(completion, g);
                break;
            default:
                ChatWriter.writeChatCompletion(completion, g);
                break;
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Helpers for the writers
     * ------------------------------------------------------------------------------------- */

    static void field(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        Values.write(g, value);
    }

    /** Writes the map's entries except the skipped names. */
    static void entries(JsonGenerator g, Map<String, Object> map, Set<String> skip) throws IOException {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!skip.contains(e.getKey())) {
                field(g, e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Writes JSON text (tool arguments) as the JSON value it is, or as a string when it is not
     * valid JSON (a stream cut short); empty text becomes {@code {}}.
     */
    static void jsonText(JsonGenerator g, String text) throws IOException {
        if (text == null || text.isBlank()) {
            g.writeStartObject();
            g.writeEndObject();
        } else if (isJson(text)) {
            try (JsonParser p = FACTORY.createParser(text)) {
                p.nextToken();
                g.copyCurrentStructure(p); // through the generator, so pretty-printing applies
            }
        } else {
            g.writeString(text);
        }
    }

    /** True when the text is exactly one JSON value. */
    public static boolean isJson(String text) {
        return io.streamfold.internal.core.Read.isJson(text);
    }
}
