package io.streamfold;

import io.streamfold.internal.neutral.Immutable;
import java.util.List;
import java.util.Map;

/**
 * Log probabilities of a choice, concatenated chunk by chunk.
 *
 * <p>Each array the provider streamed is concatenated under its own name: {@code content} and
 * {@code refusal} for chat completions, {@code tokens}, {@code token_logprobs},
 * {@code top_logprobs} and {@code text_offset} for legacy completions. A name the stream sent only
 * as null maps to null. Entries are the provider's objects, as maps.
 *
 * @param fields the concatenated arrays by name, in the order they first appeared
 */
public record Logprobs(Map<String, List<Object>> fields) {

    public Logprobs {
        fields = Immutable.map(fields);
    }

    /** The {@code content} token entries, or null when never sent. */
    public List<Object> content() {
        return fields.get("content");
    }

    /** The {@code refusal} token entries, or null when never sent. */
    public List<Object> refusal() {
        return fields.get("refusal");
    }
}
