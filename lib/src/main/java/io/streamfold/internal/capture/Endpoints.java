package io.streamfold.internal.capture;

import java.util.Locale;
import java.util.Set;

/**
 * The request URLs whose answers are never LLM responses (model lists, embeddings, files,
 * moderation, token counts), so that even their error bodies are passed over: a cassette of a
 * RAG test keeps embedding calls beside the chat calls.
 */
final class Endpoints {

    /** Path segments that name a non-generating API, wherever they sit in the path. */
    private static final Set<String> SEGMENTS = Set.of("embeddings", "embed", "files", "uploads", "images",
            "audio", "moderations", "batches", "fine_tuning", "fine-tunes", "vector_stores", "tags", "show",
            "pull", "ps", "tokenize", "detokenize", "rerank", "count_tokens");

    /** Gemini's custom methods ({@code models/x:embedContent}) that generate nothing. */
    private static final Set<String> METHODS = Set.of("embedcontent", "batchembedcontents", "counttokens",
            "predict", "batchpredict");

    private Endpoints() {
    }

    /** True when the URL names an endpoint that answers no completion. */
    static boolean isNotLlm(String url) {
        if (url == null) {
            return false;
        }
        String path = url;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash >= 0 ? path.substring(slash) : "/";
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String[] segments = path.toLowerCase(Locale.ROOT).split("/");
        for (String segment : segments) {
            if (SEGMENTS.contains(segment)) {
                return true;
            }
        }
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        int colon = last.lastIndexOf(':');
        if (colon >= 0 && METHODS.contains(last.substring(colon + 1))) {
            return true;
        }
        // a model list (/v1/models), not a model's method (/v1beta/models/gemini:generateContent)
        return last.equals("models");
    }
}
