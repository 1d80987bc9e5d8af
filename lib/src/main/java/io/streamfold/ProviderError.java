package io.streamfold;

import io.streamfold.internal.neutral.Immutable;
import java.util.Map;

/**
 * An error the provider reported in the stream: a chat {@code {"error": ...}} frame, an Anthropic
 * {@code error} event, a Responses {@code error} event or failed response, an Interactions error.
 *
 * @param type the error's type ({@code overloaded_error}, {@code server_error}, ...), or null
 * @param code the error's code, as text ({@code "429"}, {@code "rate_limit_exceeded"}), or null
 * @param message the provider's message, or null
 * @param raw the provider's whole error object, in its spelling; never null
 */
public record ProviderError(String type, String code, String message, Map<String, Object> raw) {

    public ProviderError {
        raw = Immutable.map(raw);
    }
}
