package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Format;
import io.streamfold.StreamWriter.Container;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a format's event writer puts its events: each event is one JSON object (with an SSE
 * event name where the format names them), and the container decides how they are framed.
 */
final class Out {

    /** The JSON of one event, written into the generator. */
    @FunctionalInterface
    interface Json {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Container container;
    private final Format format;
    private final String model;
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> events = new ArrayList<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    Out(Container container, Format format, String model) {
        this.container = container;
        this.format = format;
        this.model = model;
    }

    /** Adds one event: its SSE name (null for none) and its JSON. */
    void event(String name, Json body) {
        buffer.reset();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte buffer does not fail
        }
        names.add(name);
        events.add(buffer.toByteArray());
    }

    /** Frames the events in the container. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (container) {
            case SSE -> sse(out);
            case JSON_LINES -> {
                for (byte[] e : events) {
                    out.writeBytes(e);
                    out.write('\n');
                }
            }
            case ARRAY -> {
                out.write('[');
                for (int i = 0; i < events.size(); i++) {
                    out.writeBytes(i == 0 ? "\n".getBytes(StandardCharsets.UTF_8) : ",\n".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(events.get(i));
                }
                out.writeBytes("\n]\n".getBytes(StandardCharsets.UTF_8));
            }
            case LLAMA_STACK -> llamaStack(out);
        }
        return out.toByteArray();
    }

    private void sse(ByteArrayOutputStream out) {
        for (int i = 0; i < events.size(); i++) {
            if (names.get(i) != null) {
                ascii(out, "event: " + names.get(i) + "\n");
            }
            ascii(out, "data: ");
            out.writeBytes(events.get(i));
            ascii(out, "\n\n");
        }
        if (Endpoints.endsWithDone(format)) {
            ascii(out, format == Format.GEMINI_INTERACTIONS ? "event: done\ndata: [DONE]\n\n" : "data: [DONE]\n\n");
        }
    }

    /**
     * A llama-stack recording as its recorder writes one: OpenAI chunks in typed envelopes, the
     * formats with named events as SSE lines, the others as plain chunk objects.
     */
    private void llamaStack(ByteArrayOutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("request");
            g.writeStartObject();
            g.writeStringField("method", "POST");
            g.writeStringField("url", "http://localhost" + Endpoints.path(format, model));
            g.writeFieldName("headers");
            g.writeStartObject();
            g.writeEndObject();
            g.writeFieldName("body");
            g.writeStartObject();
            if (model != null) {
                g.writeStringField("model", model);
            }
            g.writeBooleanField("stream", true);
            g.writeEndObject();
            g.writeStringField("endpoint", Endpoints.path(format, model));
            g.writeEndObject();
            g.writeFieldName("response");
            g.writeStartObject();
            g.writeFieldName("body");
            g.writeStartArray();
            String type = Endpoints.pythonType(format);
            boolean lines = Endpoints.namesEvents(format);
            for (int i = 0; i < events.size(); i++) {
                String json = new String(events.get(i), StandardCharsets.UTF_8);
                if (lines) {
                    if (names.get(i) != null) {
                        g.writeString("event: " + names.get(i));
                    }
                    g.writeString("data: " + json);
                    g.writeString("");
                } else if (type != null) {
                    g.writeStartObject();
                    g.writeStringField("__type__", type);
                    g.writeFieldName("__data__");
                    g.writeRawValue(json);
                    g.writeEndObject();
                } else {
                    g.writeRawValue(json);
                }
            }
            g.writeEndArray();
            g.writeBooleanField("is_streaming", true);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
