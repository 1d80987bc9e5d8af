package io.streamfold.internal.format.gemini;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.Map;

/**
 * Folds one Gemini {@code GenerateContentResponse} chunk: candidates as they are read
 * ({@link GeminiCandidates}), the top-level fields once the chunk ends, each kept in the
 * spelling the stream used (snake_case from the Python SDK, camelCase from REST).
 */
final class GeminiChunk implements ChunkFolder {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final GeminiCandidates candidates;

    private boolean sawGemini;
    private String responseId;
    private String modelVersion;
    private String createTime;
    private Object usageMetadata;
    private Object promptFeedback;
    private final DeferredCandidates deferred = new DeferredCandidates();
    /** The responseId of the last chunk that had one. */
    private String lastResponseId;

    GeminiChunk(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        this.candidates = new GeminiCandidates(assembly);
    }

    @Override
    public void beginChunk() {
        sawGemini = false;
        candidates.camel = null;
        responseId = null;
        modelVersion = null;
        createTime = null;
        usageMetadata = null;
        promptFeedback = null;
    }

    @Override
    public boolean field(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        switch (name) {
            case "candidates":
                sawGemini = true;
                if (assembly.finished()) {
                    deferred.keep(p); // the next response's, or this one's trailer: the responseId tells
                } else {
                    candidates.readCandidates(p);
                }
                return true;
            case "usage_metadata":
            case "usageMetadata":
                spelling(name);
                usageMetadata = t == JsonToken.VALUE_NULL ? null : JsonValues.read(p);
                return true;
            case "model_version":
            case "modelVersion":
                spelling(name);
                modelVersion = Read.string(p, diag, name);
                return true;
            case "response_id":
            case "responseId":
                spelling(name);
                responseId = Read.string(p, diag, name);
                return true;
            case "create_time":
            case "createTime":
                spelling(name);
                createTime = Read.string(p, diag, name);
                return true;
            case "prompt_feedback":
            case "promptFeedback":
                spelling(name);
                promptFeedback = t == JsonToken.VALUE_NULL ? null : JsonValues.read(p);
                return true;
            case "sdk_http_response":
            case "automatic_function_calling_history":
                sawGemini = true; // Python SDK bookkeeping, not part of the response
                return true;
            default:
                return false;
        }
    }

    private void spelling(String name) {
        sawGemini = true;
        if (candidates.camel == null) {
            candidates.camel = name.indexOf('_') < 0;
        }
    }

    @Override
    public boolean endChunk() throws IOException {
        if (!sawGemini) {
            return false;
        }
        Boolean camel = candidates.camel;
        if (deferred.present()) {
            if (responseId != null && lastResponseId != null && !responseId.equals(lastResponseId)) {
                assembly.responses().next(); // a new responseId after a finished response: Gemini's only boundary
            }
            deferred.fold(candidates, diag, "candidates");
        }
        if (responseId != null) {
            lastResponseId = responseId;
            assembly.id(responseId);
            keep(camel, "responseId", "response_id", responseId);
        }
        if (modelVersion != null) {
            assembly.model(modelVersion);
            keep(camel, "modelVersion", "model_version", modelVersion);
        }
        if (createTime != null) {
            keep(camel, "createTime", "create_time", createTime);
        }
        if (promptFeedback != null) {
            keep(camel, "promptFeedback", "prompt_feedback", promptFeedback);
            Map<String, Object> feedback = Values.asMap(promptFeedback);
            if (feedback != null && (feedback.get("blockReason") != null || feedback.get("block_reason") != null)) {
                assembly.terminated(); // a blocked prompt ends the stream without candidates: not a truncation
            }
        }
        if (usageMetadata != null) {
            Map<String, Object> usage = Values.asMap(usageMetadata);
            if (usage == null) {
                throw diag.unexpected("Expected an object for usage_metadata");
            }
            assembly.usage(usage);
        }
        return true;
    }

    private void keep(Boolean camel, String camelName, String snakeName, Object value) {
        Map<String, Object> extra = assembly.extra();
        String name = Boolean.TRUE.equals(camel) ? camelName : snakeName;
        extra.remove(Boolean.TRUE.equals(camel) ? snakeName : camelName);
        extra.put(name, value);
    }
}
