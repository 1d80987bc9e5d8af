package io.streamfold.assertj;

import io.streamfold.Format;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each provider's HTTP error body and headers for a status, as its API documents them. */
final class ProviderErrorBodies {

    private ProviderErrorBodies() {
    }

    /** The JSON body of the error. */
    static String body(Format format, int status) {
        boolean limited = status == 429;
        Format f = format == null ? Format.OPENAI_CHAT : format;
        return switch (f) {
            case ANTHROPIC_MESSAGES -> "{\"type\":\"error\",\"error\":{\"type\":\"" + anthropicType(status) + "\",\"message\":\""
                    + (limited ? "Number of request tokens has exceeded your per-minute rate limit" : status == 529 ? "Overloaded" : "Internal server error")
                    + "\"}}";
            case GEMINI, GEMINI_INTERACTIONS -> "{\"error\":{\"code\":" + status + ",\"message\":\""
                    + (limited ? "Resource has been exhausted (e.g. check quota)." : "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting")
                    + "\",\"status\":\"" + (limited ? "RESOURCE_EXHAUSTED" : status == 503 ? "UNAVAILABLE" : "INTERNAL") + "\"}}";
            case COHERE_CHAT -> "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"message\":\""
                    + (limited ? "You are using a Trial key, which is limited to 10 API calls / minute." : "internal server error, this has been reported to our developers")
                    + "\"}";
            case OLLAMA_CHAT, OLLAMA_GENERATE -> "{\"error\":\"" + (limited ? "too many requests" : "an error was encountered while running the model") + "\"}";
            case BEDROCK_CONVERSE -> "{\"message\":\"" + (limited ? "Too many requests, please wait before trying again." : "The server encountered an internal error.") + "\"}";
            default -> "{\"error\":{\"message\":\""
                    + (limited ? "Rate limit reached for requests. Please try again in 20s." : "The server had an error while processing your request. Sorry about that!")
                    + "\",\"type\":\"" + (limited ? "requests" : "server_error") + "\",\"param\":null,\"code\":"
                    + (limited ? "\"rate_limit_exceeded\"" : "null") + "}}";
        };
    }

    /** The headers the provider sends with the error. */
    static Map<String, String> headers(Format format, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 429) {
            headers.put("retry-after", "1");
        }
        if (format == Format.BEDROCK_CONVERSE) {
            headers.put("x-amzn-ErrorType", status == 429 ? "ThrottlingException" : status == 503 ? "ServiceUnavailableException"
                    : "InternalServerException");
        }
        if (format == Format.ANTHROPIC_MESSAGES) {
            headers.put("x-should-retry", "true");
        }
        return headers;
    }

    private static String anthropicType(int status) {
        return switch (status) {
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            default -> "api_error";
        };
    }
}
