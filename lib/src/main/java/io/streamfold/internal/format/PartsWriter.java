package io.streamfold.internal.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Message;
import io.streamfold.Part;
import java.io.IOException;

/** Writes a message's parts as the array of blocks a native response holds, each in its format's shape. */
public final class PartsWriter {

    /** How a format writes one part as one of its blocks. */
    @FunctionalInterface
    public interface Block {
        /** Writes {@code part} as one element of the array. */
        void write(Part part, JsonGenerator g) throws IOException;
    }

    private PartsWriter() {
    }

    /** Writes the field {@code name}: an array of the message's parts (empty without a message), each by {@code block}. */
    public static void write(JsonGenerator g, String name, Message message, Block block) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        if (message != null) {
            for (Part part : message.parts()) {
                block.write(part, g);
            }
        }
        g.writeEndArray();
    }
}
