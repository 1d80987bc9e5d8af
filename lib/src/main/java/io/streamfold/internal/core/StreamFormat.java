package io.streamfold.internal.core;

import io.streamfold.Format;
import io.streamfold.internal.json.Diagnostics;

/**
 * The format of one input: given by the caller, or settled by the first chunk that tells it. One
 * input holds one format, its responses too; a chunk of another is an error.
 */
final class StreamFormat {

    private final Diagnostics diagnostics;
    private final boolean forced;
    private Format format;

    StreamFormat(Format given, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.forced = given != null;
        this.format = given;
    }

    Format value() {
        return format;
    }

    void settle(Format detected) {
        if (format == null) {
            format = detected;
        } else if (format != detected && !compatible(format, detected)) {
            throw diagnostics.unexpected("Expected a " + format.wireName() + " chunk but found a " + detected.wireName()
                    + (forced ? " chunk: the format was given, and the stream is not in it"
                            : " chunk: one recording holds one stream"));
        }
    }

    /**
     * Chat and legacy completion chunks share an envelope, and so do Ollama's chat and generate
     * chunks; the first chunk with text decides.
     */
    private static boolean compatible(Format a, Format b) {
        return (a == Format.OPENAI_CHAT || a == Format.OPENAI_COMPLETION)
                && (b == Format.OPENAI_CHAT || b == Format.OPENAI_COMPLETION)
                || (a == Format.OLLAMA_CHAT || a == Format.OLLAMA_GENERATE)
                && (b == Format.OLLAMA_CHAT || b == Format.OLLAMA_GENERATE);
    }

    /** Switches between the two formats of one envelope when a chunk shows which; a given one stays. */
    void refine(Format detected) {
        if (!forced) {
            format = detected;
        }
    }
}
