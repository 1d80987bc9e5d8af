package io.streamfold.internal.format.gemini;

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
 * Gemini {@code streamGenerateContent} chunks, told by {@code candidates} or any other top-level
 * field of a {@code GenerateContentResponse}; written as one such response.
 */
public final class GeminiFormat implements WireFormat {

    private static final Set<String> FIELDS = Set.of("candidates", "usage_metadata", "usageMetadata", "model_version",
            "modelVersion", "response_id", "responseId", "create_time", "createTime", "prompt_feedback",
            "promptFeedback", "sdk_http_response", "automatic_function_calling_history");

    @Override
    public List<Format> formats() {
        return List.of(Format.GEMINI);
    }

    @Override
    public Set<String> tellingFields() {
        return FIELDS;
    }

    @Override
    public int tells(String field, String value) {
        // Only candidates is Gemini's alone: watsonx's chat chunks carry a model_version too.
        return "candidates".equals(field) ? YES : FIELDS.contains(field) ? MAYBE : NO;
    }

    @Override
    public ChunkFolder folder(Assembly assembly) {
        return new GeminiChunk(assembly);
    }

    @Override
    public void writeNative(Completion completion, Format format, JsonGenerator g) throws IOException {
        GeminiWriter.write(completion, g);
    }
}
