package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Azure OpenAI's content filter chunks, as its Chat Completions streams carry them. */
final class ChatQuirks {

    private static final String[] CATEGORIES = {"hate", "self_harm", "sexual", "violence"};

    private ChatQuirks() {
    }

    /** The first chunk: the prompt's filter results, no choices, and empty header values. */
    static void azurePromptFilter(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("choices");
        g.writeEndArray();
        g.writeNumberField("created", 0);
        g.writeStringField("id", "");
        g.writeStringField("model", "");
        g.writeStringField("object", "");
        g.writeArrayFieldStart("prompt_filter_results");
        g.writeStartObject();
        g.writeNumberField("prompt_index", 0);
        g.writeFieldName("content_filter_results");
        results(g);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The filter results on a streamed choice. */
    static void azureChoiceResults(JsonGenerator g) throws IOException {
        g.writeFieldName("content_filter_results");
        results(g);
    }

    /**
     * The asynchronous filter's verdict, after the finish: a choice with no delta and no finish
     * reason, the offsets it checked, empty header values.
     */
    static void azureAsyncFilter(JsonGenerator g, int index, String content) throws IOException {
        int length = content == null ? 0 : content.length();
        g.writeStartObject();
        g.writeArrayFieldStart("choices");
        g.writeStartObject();
        g.writeObjectFieldStart("content_filter_offsets");
        g.writeNumberField("check_offset", 0);
        g.writeNumberField("start_offset", 0);
        g.writeNumberField("end_offset", length);
        g.writeEndObject();
        g.writeFieldName("content_filter_results");
        results(g);
        g.writeNullField("finish_reason");
        g.writeNumberField("index", index);
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("created", 0);
        g.writeStringField("id", "");
        g.writeStringField("model", "");
        g.writeStringField("object", "");
        g.writeEndObject();
    }

    private static void results(JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (String category : CATEGORIES) {
            g.writeObjectFieldStart(category);
            g.writeBooleanField("filtered", false);
            g.writeStringField("severity", "safe");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
