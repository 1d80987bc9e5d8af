package io.streamfold;

import io.streamfold.internal.diff.TreeDiff;
import io.streamfold.internal.neutral.FinishReasons;
import io.streamfold.internal.neutral.Immutable;
import io.streamfold.internal.neutral.NeutralView;
import io.streamfold.internal.neutral.ProviderErrors;
import io.streamfold.internal.output.NativeJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete response folded from a recorded stream: what the assistant said, which tools it
 * called, why it stopped, and what it cost.
 *
 * <p>Equality is the response's: {@link #equals(Object)} and {@link #hashCode()} compare every
 * component but {@link #source()}, so the same stream read from a file, from bytes, bit by bit, or
 * out of a cassette gives equal completions.
 *
 * <p>Deeply immutable: every list and map it returns, at any depth, is unmodifiable. The header
 * fields are null when the stream never sent them. The shortcuts ({@link #text()},
 * {@link #finishReason()}, {@link #error()}, ...) never throw.
 *
 * @param format the wire format, or null when no chunk told it (an empty stream)
 * @param id the response's id (chat {@code id}, Anthropic message id, Gemini {@code response_id},
 *     Responses and Interactions id), or null
 * @param model the model that answered (Gemini {@code model_version}), or null
 * @param created the creation time in epoch seconds ({@code created}, Responses {@code created_at}), or null
 * @param systemFingerprint chat's {@code system_fingerprint}, or null
 * @param serviceTier the {@code service_tier}, or null
 * @param choices the choices in index order; never null, empty when the stream had none
 * @param usage the last usage the stream reported (Anthropic's, merged as it is cumulative), or null
 * @param extra the provider's other top-level fields that the native shape keeps (Anthropic
 *     {@code stop_sequence}, Responses {@code status}, Gemini {@code create_time}, a provider
 *     {@code error}), in its spelling
 * @param chunkCount how many chunks (events) the stream had
 * @param incomplete true when this is not the whole response: the stream ended without a finish,
 *     or lenient assembly stopped at a fault (see {@link #problems()})
 * @param warnings what streamfold noticed or repaired, in stream order; never null
 * @param problems the faults lenient assembly passed over; never null, always empty in strict mode
 * @param streamed false when the recording held a whole non-streaming response (a
 *     {@code chat.completion}, an Anthropic {@code message}, a Responses {@code response}, a Cohere
 *     or Converse response, a recording with {@code is_streaming: false}); true for a stream
 * @param source where the response was read from (the file, the container, the entry and the
 *     request), or null when unknown (a completion made by hand)
 */
public record Completion(Format format, String id, String model, Long created, String systemFingerprint,
        String serviceTier, List<Choice> choices, Usage usage, Map<String, Object> extra, int chunkCount,
        boolean incomplete, List<Warning> warnings, List<Problem> problems, boolean streamed, Source source) {

    /**
     * Makes the lists and {@code extra} immutable copies (null ones empty).
     *
     * @param format the wire format, or null when no chunk told it (an empty stream)
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
     * @param streamed false when the recording held a whole non-streaming response; true for a stream
     * @param source where the response was read from, or null when unknown
     */
    public Completion {
        choices = List.copyOf(choices == null ? List.of() : choices);
        extra = Immutable.map(extra);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        problems = List.copyOf(problems == null ? List.of() : problems);
    }

    /**
     * A completion whose {@link #source()} is unknown (null): the form before sources were kept.
     *
     * @param format the wire format, or null when no chunk told it (an empty stream)
     * @param id the response's id, or null
     * @param model the model that answered, or null
     * @param created the creation time in epoch seconds, or null
     * @param systemFingerprint chat's {@code system_fingerprint}, or null
     * @param serviceTier the {@code service_tier}, or null
     * @param choices the choices in index order; null for none
     * @param usage the usage, or null
     * @param extra the provider's other top-level fields that the native shape keeps, or null
     * @param chunkCount how many chunks (events) the stream had
     * @param incomplete true when this is not the whole response
     * @param warnings what streamfold noticed or repaired, or null for none
     * @param problems the faults lenient assembly passed over, or null for none
     * @param streamed false for a whole non-streaming response; true for a stream
     */
    public Completion(Format format, String id, String model, Long created, String systemFingerprint,
            String serviceTier, List<Choice> choices, Usage usage, Map<String, Object> extra, int chunkCount,
            boolean incomplete, List<Warning> warnings, List<Problem> problems, boolean streamed) {
        this(format, id, model, created, systemFingerprint, serviceTier, choices, usage, extra, chunkCount,
                incomplete, warnings, problems, streamed, null);
    }

    /**
     * A complete completion with no extras, warnings or problems, and a chunk count of 0.
     *
     * @param format the wire format, or null
     * @param id the response's id, or null
     * @param model the model that answered, or null
     * @param created the creation time in epoch seconds, or null
     * @param systemFingerprint chat's {@code system_fingerprint}, or null
     * @param serviceTier the {@code service_tier}, or null
     * @param choices the choices in index order; null for none
     * @param usage the usage, or null
     */
    public Completion(Format format, String id, String model, Long created, String systemFingerprint,
            String serviceTier, List<Choice> choices, Usage usage) {
        this(format, id, model, created, systemFingerprint, serviceTier, choices, usage, Map.of(),
                0, false, List.of(), List.of(), true, null);
    }

    /**
     * Returns this completion with the given source; everything else is the same.
     *
     * @param source where the response was read from, or null
     * @return a new completion; this one is unchanged
     */
    public Completion withSource(Source source) {
        return new Completion(format, id, model, created, systemFingerprint, serviceTier, choices, usage, extra,
                chunkCount, incomplete, warnings, problems, streamed, source);
    }

    /**
     * Compares the response, not where it was read from: every component but {@link #source()}.
     *
     * @param o the other object
     * @return true when {@code o} is a completion of the same response
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Completion c && format == c.format && Objects.equals(id, c.id)
                && Objects.equals(model, c.model) && Objects.equals(created, c.created)
                && Objects.equals(systemFingerprint, c.systemFingerprint) && Objects.equals(serviceTier, c.serviceTier)
                && choices.equals(c.choices) && Objects.equals(usage, c.usage) && extra.equals(c.extra)
                && chunkCount == c.chunkCount && incomplete == c.incomplete && warnings.equals(c.warnings)
                && problems.equals(c.problems) && streamed == c.streamed;
    }

    /** {@return a hash of every component but {@link #source()}, consistent with {@link #equals(Object)}} */
    @Override
    public int hashCode() {
        return Objects.hash(format, id, model, created, systemFingerprint, serviceTier, choices, usage, extra,
                chunkCount, incomplete, warnings, problems, streamed);
    }

    /** {@return the message of the first choice (index 0 in practice), or null when there is no choice} */
    public Message message() {
        return choices.isEmpty() ? null : choices.get(0).message();
    }

    /**
     * Why the model stopped, the same for every provider: the first choice's
     * {@link Choice#finishReason()}; without one, {@link FinishReason#CONTENT_FILTER} for a prompt
     * blocked before any choice (Gemini {@code promptFeedback.blockReason}),
     * {@link FinishReason#ERROR} when the stream carried a provider {@link #error()}, else null (a
     * stream cut off).
     *
     * @return the neutral finish reason, or null
     */
    public FinishReason finishReason() {
        FinishReason first = choices.isEmpty() ? null : choices.get(0).finishReason();
        return first != null ? first : FinishReasons.withoutChoice(extra, error().isPresent(), !choices.isEmpty());
    }

    /**
     * The provider's own finish reason of the first choice ({@code tool_calls}, {@code end_turn},
     * {@code STOP}; the response {@code status} for Responses and Interactions); for a Gemini
     * prompt blocked before any candidate, its {@code blockReason}; else null.
     *
     * @return the native finish reason, or null
     */
    public String rawFinishReason() {
        return choices.isEmpty() ? FinishReasons.blockReason(extra) : choices.get(0).rawFinishReason();
    }

    /** {@return the first choice's visible text; {@code ""} when there is none} */
    public String text() {
        Message m = message();
        return m == null || m.content() == null ? "" : m.content();
    }

    /** {@return the first choice's reasoning text; {@code ""} when there is none} */
    public String reasoning() {
        Message m = message();
        return m == null || m.reasoning() == null ? "" : m.reasoning();
    }

    /**
     * The error the provider reported in the stream (a chat {@code error} frame, an Anthropic or
     * Responses {@code error} event, a failed response), or empty.
     *
     * @return the provider's error, or empty when it reported none
     */
    public Optional<ProviderError> error() {
        return Optional.ofNullable(ProviderErrors.of(extra));
    }

    /**
     * Returns the choice with this wire index, or empty.
     *
     * @param index the choice's wire index ({@link Choice#index()})
     * @return the choice, or empty when there is none with this index
     */
    public Optional<Choice> choice(int index) {
        for (Choice choice : choices) {
            if (choice.index() == index) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns true when any warning has this code.
     *
     * @param code the warning code
     * @return whether {@link #warnings()} holds a warning with this code
     */
    public boolean hasWarning(Warning.Code code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }

    /**
     * Returns true when any warning has the code with this id.
     *
     * @param id the code's kebab-case {@link Warning.Code#id() id}, such as {@code "stream-mismatch"};
     *     compared exactly
     * @return whether {@link #warnings()} holds a warning whose code has this id
     */
    public boolean hasWarning(String id) {
        return warnings.stream().anyMatch(w -> w.code().id().equals(id));
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

    /**
     * Renders this completion as the same JSON whatever its format, compact: {@code format},
     * {@code id}, {@code model}, {@code created}, {@code system_fingerprint}, {@code streamed},
     * {@code incomplete}, {@code finish_reason} (the neutral one, lower case: {@code tool_calls}),
     * {@code raw_finish_reason}, then the first choice's {@code text}, {@code reasoning} (both
     * {@code ""} when none), {@code refusal}, {@code tool_calls} and {@code server_tool_calls}
     * (each {@code {"id", "name", "kind", "arguments"}}, the arguments as the JSON they are, or as
     * text when they are none), the {@code usage} counts ({@code input_tokens}, ...), the
     * provider's {@code error} ({@code type}, {@code code}, {@code message}), and, when there are
     * several choices, the others under {@code other_choices}. {@link #diff(Completion)} compares
     * this view, and its paths point into it.
     *
     * @return the JSON text
     */
    public String toNeutralJson() {
        return NeutralView.json(this);
    }

    /**
     * What differs between this completion (the old, expected one) and another (the new one), as
     * {@link #diff(Completion, DiffOptions)} with the {@link DiffOptions#defaults() defaults}: ids,
     * timestamps, {@code system_fingerprint} and the usage are left out, so two recordings of the
     * same behaviour have no difference.
     *
     * @param other the completion to compare with
     * @return the differences, in the order of {@link #toNeutralJson()}; empty when equivalent
     */
    public List<Difference> diff(Completion other) {
        return diff(other, DiffOptions.defaults());
    }

    /**
     * What differs between this completion (the old, expected one) and another (the new one): the
     * values of their {@link #toNeutralJson() neutral JSON}, compared by key (in any order), lists
     * by position, numbers by value, tool-call arguments as JSON, and text by words (a change of
     * whitespace is none); a provider's own fields and the stream's chunking are not compared.
     *
     * @param other the completion to compare with
     * @param options what to leave out
     * @return the differences, in the order of {@link #toNeutralJson()}; empty when equivalent
     */
    public List<Difference> diff(Completion other, DiffOptions options) {
        java.util.Objects.requireNonNull(other, "other");
        java.util.Objects.requireNonNull(options, "options");
        return TreeDiff.of(this, other, options);
    }
}
