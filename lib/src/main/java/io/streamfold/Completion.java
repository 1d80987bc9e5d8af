package io.streamfold;

import io.streamfold.internal.core.Values;
import io.streamfold.internal.output.NativeJson;
import java.util.List;
import java.util.Map;

/**
 * A complete response folded from a recorded stream: what the assistant said, which tools it
 * called, why it stopped, and what it cost.
 *
 * <p>Immutable. The header fields are null when the stream never sent them.
 *
 * @param format the wire format, by name: {@code openai.chat}, {@code openai.completion},
 *     {@code openai.responses}, {@code anthropic.messages}, {@code gemini} or
 *     {@code gemini.interactions}
 * @param id the response's id (chat {@code id}, Anthropic message id, Gemini {@code response_id},
 *     Responses and Interactions id), or null
 * @param model the model that answered (Gemini {@code model_version}), or null
 * @param created the creation time in epoch seconds ({@code created}, Responses {@code created_at}), or null
 * @param systemFingerprint chat's {@code system_fingerprint}, or null
 * @param serviceTier the {@code service_tier}, or null
 * @param choices the choices in index order; never null, empty when the stream had none
 * @param usage the last usage the stream reported (Anthropic's, merged as it is cumulative), or null
 * @param extra the provider's other top-level fields that the native shape keeps (Anthropic
 *     {@code stop_sequence}, Responses {@code status}, Gemini {@code create_time}), in its spelling
 * @param chunkCount how many chunks (events) the stream had
 * @param incomplete true when this is not the whole response: the stream ended without a finish,
 *     or lenient assembly stopped at a fault (see {@link #problems()})
 * @param warnings what streamfold noticed or repaired, in stream order; never null
 * @param problems the faults lenient assembly passed over; never null, always empty in strict mode
 */
public record Completion(String format, String id, String model, Long created, String systemFingerprint,
        String serviceTier, List<Choice> choices, Usage usage, Map<String, Object> extra, int chunkCount,
        boolean incomplete, List<Warning> warnings, List<Problem> problems) {

    /**
     * Makes the lists and {@code extra} immutable copies (null ones empty).
     *
     * @param format the wire format, by name: {@code openai.chat}, {@code openai.completion},
     *     {@code openai.responses}, {@code anthropic.messages}, {@code gemini} or
     *     {@code gemini.interactions}
     * @param id the response's id (chat {@code id}, Anthropic message id, Gemini {@code response_id},
     *     Responses and Interactions id), or null
     * @param model the model that answered (Gemini {@code model_version}), or null
     * @param created the creation time in epoch seconds ({@code created}, Responses {@code created_at}), or null
     * @param systemFingerprint chat's {@code system_fingerprint}, or null
     * @param serviceTier the {@code service_tier}, or null
     * @param choices the choices in index order; never null, empty when the stream had none
     * @param usage the last usage the stream reported (Anthropic's, merged as it is cumulative), or null
     * @param extra the provider's other top-level fields that the native shape keeps (Anthropic
     *     {@code stop_sequence}, Responses {@code status}, Gemini {@code create_time}), in its spelling
     * @param chunkCount how many chunks (events) the stream had
     * @param incomplete true when this is not the whole response: the stream ended without a finish,
     *     or lenient assembly stopped at a fault (see {@link #problems()})
     * @param warnings what streamfold noticed or repaired, in stream order; never null
     * @param problems the faults lenient assembly passed over; never null, always empty in strict mode
     */
    public Completion {
        choices = List.copyOf(choices == null ? List.of() : choices);
        extra = Values.immutableMap(extra);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        problems = List.copyOf(problems == null ? List.of() : problems);
    }

    /**
     * A complete completion with no extras, warnings or problems.
     *
     * @param format the wire format, by name
     * @param id the response's id, or null
     * @param model the model that answered, or null
     * @param created the creation time in epoch seconds, or null
     * @param systemFingerprint chat's {@code system_fingerprint}, or null
     * @param serviceTier the {@code service_tier}, or null
     * @param choices the choices in index order
     * @param usage the usage, or null
     */
    public Completion(String format, String id, String model, Long created, String systemFingerprint,
            String serviceTier, List<Choice> choices, Usage usage) {
        this(format, id, model, created, systemFingerprint, serviceTier, choices, usage, Map.of(),
                0, false, List.of(), List.of());
    }

    /** {@return the message of the first choice (index 0 in practice), or null when there is no choice} */
    public Message message() {
        return choices.isEmpty() ? null : choices.get(0).message();
    }

    /** {@return the finish reason of the first choice, or null when there is none} */
    public String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    /**
     * Returns the choice with this wire index, or null.
     *
     * @param index the wire index
     * @return the choice, or null
     */
    public Choice choice(int index) {
        for (Choice choice : choices) {
            if (choice.index() == index) {
                return choice;
            }
        }
        return null;
    }

    /**
     * Returns true when any warning has this code.
     *
     * @param code a warning code, such as {@code truncated}
     * @return whether {@link #warnings()} holds one
     */
    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }

    /**
     * Renders this completion as its format's native non-streaming JSON, compact: a
     * {@code chat.completion}, a {@code text_completion}, a Responses {@code response}, an
     * Anthropic {@code message}, a Gemini {@code GenerateContentResponse} or an interaction.
     *
     * @return the JSON text
     */
    public String toJson() {
        return NativeJson.write(this, false);
    }

    /** {@return this completion as {@link #toJson()} renders it, indented for people} */
    public String toPrettyJson() {
        return NativeJson.write(this, true);
    }
}
