package io.streamfold.internal.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One wire format, all of it in one package: which chunk fields tell it, how its chunks are read
 * and folded ({@link ChunkFolder}), and how its completion is written as native JSON. Adding a
 * format is one package and one line in {@link WireFormats}.
 */
public interface WireFormat {

    /** The formats this one reads (one chunk envelope may serve two, as OpenAI's does). */
    List<Format> formats();

    /** The top-level fields that may tell this format, whatever {@link #tells} then says of their value. */
    Set<String> tellingFields();

    /** A field tells nothing of this format. */
    int NO = 0;
    /** A field this format has, but other formats' chunks may carry too (Gemini's {@code model_version}). */
    int MAYBE = 1;
    /** A field only this format has, such as {@code choices} or {@code "type": "message_start"}. */
    int YES = 2;

    /**
     * How surely a chunk's top-level field tells that the stream is in this format:
     * {@link #NO}, {@link #MAYBE} or {@link #YES}.
     *
     * @param value the field's value when it is a string, else null
     */
    int tells(String field, String value);

    /** A folder for one stream: it keeps that stream's state of this format. */
    ChunkFolder folder(Assembly assembly);

    /** Writes the completion as the format's non-streaming response. */
    void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException;
}
