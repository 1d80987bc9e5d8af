package io.streamfold.internal.format.bedrock;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.format.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Bedrock ConverseStream events as the SDKs log them (and as {@code EventStreamDecoder} gives
 * them): one object per event whose only key names it, {@code {"contentBlockDelta": {...}}};
 * written as the Converse response.
 */
public final class BedrockFormat implements WireFormat {

    @Override
    public List<Format> formats() {
        return List.of(Format.BEDROCK_CONVERSE);
    }

    @Override
    public Set<String> tellingFields() {
        // The wire's spelling and the SDKs' PascalCase; other spellings are told when sniffing (tells).
        Set<String> fields = new java.util.HashSet<>(Set.of("chunk", "stopReason"));
        for (String[] names : new String[][] {BedrockNames.EVENTS, BedrockNames.EXCEPTIONS}) {
            for (String name : names) {
                fields.add(name);
                fields.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
            }
        }
        return fields;
    }

    @Override
    public int tells(String field, String value) {
        if (BedrockNames.canonical(field).equals("stopReason")) {
            return YES; // a non-streaming Converse response
        }
        if (value != null) {
            return NO; // every event is an object
        }
        if (BedrockNames.isEvent(field, false)) {
            return YES;
        }
        // metadata alone, or an event wrapped as {"chunk": {...}}: only when nothing tells surely
        return field.equals("metadata") || field.equals("chunk") || field.equals("output") ? MAYBE : NO;
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new BedrockEvents(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        BedrockWriter.write(completion, g);
    }
}
