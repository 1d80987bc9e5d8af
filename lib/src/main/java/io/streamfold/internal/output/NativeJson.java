package io.streamfold.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.format.WireFormats;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a completion as its format's native non-streaming JSON, with Jackson's generator:
 * chat.completion, text_completion, a Responses response, an Anthropic message, a Gemini
 * response (in the input's spelling) or an interaction. Each format writes its own.
 */
public final class NativeJson {

    private static final JsonFactory FACTORY = new JsonFactory();

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
        // A stream that never told its format (an error before any chunk) is shown as chat.
        Format format = completion.format() == null ? Format.OPENAI_CHAT : completion.format();
        WireFormats.of(format).writeNative(completion, format, g);
    }

    /** True when the text is exactly one JSON value. */
    public static boolean isJson(String text) {
        return Read.isJson(text);
    }
}
