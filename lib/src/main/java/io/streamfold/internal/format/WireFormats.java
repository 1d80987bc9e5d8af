package io.streamfold.internal.format;

import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.anthropic.AnthropicFormat;
import io.streamfold.internal.format.gemini.GeminiFormat;
import io.streamfold.internal.format.interactions.InteractionsFormat;
import io.streamfold.internal.format.openai.OpenAiFormat;
import io.streamfold.internal.format.responses.ResponsesFormat;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry of wire formats: one line each. */
public final class WireFormats {

    private static final List<WireFormat> ALL = List.of(
            new OpenAiFormat(),
            new GeminiFormat(),
            new AnthropicFormat(),
            new ResponsesFormat(),
            new InteractionsFormat());

    private static final Map<Format, WireFormat> BY_FORMAT = new EnumMap<>(Format.class);
    private static final Set<String> TELLING_FIELDS = new HashSet<>();

    static {
        for (WireFormat wire : ALL) {
            for (Format format : wire.formats()) {
                BY_FORMAT.put(format, wire);
            }
            TELLING_FIELDS.addAll(wire.tellingFields());
        }
        if (BY_FORMAT.size() != Format.values().length) {
            throw new IllegalStateException("a Format without a wire format: " + BY_FORMAT.keySet());
        }
    }

    private WireFormats() {
    }

    public static WireFormat of(Format format) {
        return BY_FORMAT.get(format);
    }

    /**
     * Fails, saying what was expected and what was found, when a field of a chunk in the stream's
     * format tells another one (a Responses event in an Anthropic stream).
     */
    public static void checkNotForeign(Assembly assembly, String field, String value) {
        WireFormat other = telling(field, value);
        if (other != null && !other.formats().contains(assembly.format())) {
            assembly.format(other.formats().get(0));
        }
    }

    /** Whether a top-level field may tell some format: most fields never do, and are not asked. */
    public static boolean mayTell(String field) {
        return TELLING_FIELDS.contains(field);
    }

    /** The wire format a chunk's field tells, surely or maybe, or null when it tells none. */
    public static WireFormat telling(String field, String value) {
        return telling(field, value, WireFormat.MAYBE);
    }

    /** The wire format a chunk's field tells at least as surely as {@code atLeast}, or null. */
    public static WireFormat telling(String field, String value, int atLeast) {
        for (WireFormat wire : ALL) {
            if (wire.tells(field, value) >= atLeast) {
                return wire;
            }
        }
        return null;
    }
}
