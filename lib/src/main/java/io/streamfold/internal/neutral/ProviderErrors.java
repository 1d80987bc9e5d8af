package io.streamfold.internal.neutral;

import io.streamfold.ProviderError;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The provider error a completion carries: the folders keep every format's error (a chat
 * {@code error} frame, an Anthropic or Responses {@code error} event, a failed response's
 * {@code error}, an Interactions error) as the top-level {@code error} field.
 */
public final class ProviderErrors {

    private ProviderErrors() {
    }

    /** A line for the warning that says a stream carried {@code error}: "type: message", or what there is. */
    public static String summary(Object error) {
        ProviderError e = error == null ? null : of(java.util.Collections.singletonMap("error", error));
        if (e == null) {
            return error == null ? "no details" : String.valueOf(error);
        }
        String code = e.type() != null ? e.type() : e.code();
        return code != null && e.message() != null ? code + ": " + e.message()
                : e.message() != null ? e.message() : code != null ? code : "no details";
    }

    /** The error in the response's native fields, or null. */
    public static ProviderError of(Map<String, ?> response) {
        Object error = response == null ? null : response.get("error");
        if (error instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) m;
            Object nested = raw.get("error"); // a whole HTTP error body: {"error": {...}}
            if (nested instanceof Map<?, ?> inner && raw.size() <= 2) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) inner;
                return new ProviderError(text(body.get("type")), text(body.get("code")), text(body.get("message")), raw);
            }
            Object code = raw.containsKey("code") ? raw.get("code") : raw.get("status");
            return new ProviderError(text(raw.get("type")), text(code), text(raw.get("message")), raw);
        }
        if (error instanceof String s) {
            return new ProviderError(null, null, s, Map.of("message", s));
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }
}
