package io.streamfold.internal.core;

import io.streamfold.internal.json.Diagnostics;
import io.streamfold.AssemblyListener;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.neutral.ProviderErrors;
import io.streamfold.internal.neutral.Usages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shared folding core: one per stream, whatever its format or container. Format folders
 * write the header, choices, usage and native extras here; {@link #snapshot} makes the
 * immutable {@link Completion} at any point, so the incremental API and {@code assemble} share it.
 */
public final class Assembly {

    /**
     * The largest choice (or tool-call) index a stream may use: n and parallel calls are far below
     * it, and a bigger one is a damaged stream, not a request for a huge array.
     */
    public static final int MAX_INDEX = (1 << 16) - 1;

    private final Diagnostics diagnostics;
    private final int maxToolCalls;
    private int toolCalls;
    /** False once a chunk turned out to be a whole non-streaming response. */
    private boolean streamed = true;
    private final AssemblyListener listener;

    private final StreamFormat format;
    private final HeaderField id;
    private final HeaderField model;
    private final HeaderField systemFingerprint;
    private final HeaderField serviceTier;
    private Long created;
    private ChoiceState[] choices = new ChoiceState[1];
    private Map<String, Object> usage;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    /** Set by formats with an explicit end event (message_stop, response.completed, interaction.complete). */
    private boolean terminated;
    /** Folders that keep native state of their own add what it shows to each snapshot. */
    private final List<Consumer<Published>> publishers = new ArrayList<>(1);
    private final ResponseSequence responses;
    /** The chunks before this response's first, and (while it ends) its last. */
    private int chunkBase;
    private int chunkEnd = -1;

    /** An assembly for one stream; more than {@code maxToolCalls} calls are a LIMIT error. */
    public Assembly(Diagnostics diagnostics, AssemblyListener listener, Format format, int maxToolCalls) {
        this.maxToolCalls = maxToolCalls;
        this.diagnostics = diagnostics;
        this.listener = listener;
        this.format = new StreamFormat(format, diagnostics);
        this.id = new HeaderField("id", diagnostics);
        this.model = new HeaderField("model", diagnostics);
        this.systemFingerprint = new HeaderField("system_fingerprint", diagnostics);
        this.serviceTier = new HeaderField("service_tier", diagnostics);
        this.responses = new ResponseSequence(this, diagnostics, listener);
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    AssemblyListener listener() {
        return listener;
    }

    /* ---------------------------------------------------------------------------------------
     * Format
     * ------------------------------------------------------------------------------------- */

    public Format format() {
        return format.value();
    }

    /** Settles the format on the first chunk that tells it; later chunks of another format are an error. */
    public void format(Format detected) {
        format.settle(detected);
    }

    /** Switches between the two formats of one envelope (chat and completions, Ollama's two) when a chunk shows which. */
    public void refine(Format detected) {
        format.refine(detected);
    }

    String defaultToolType() {
        return "function";
    }

    /* ---------------------------------------------------------------------------------------
     * Header: set once, a change is a warning
     * ------------------------------------------------------------------------------------- */

    public void id(CharSequence value) {
        id.offer(value);
    }

    /**
     * A chat chunk's id, compared straight from the parser's buffer (the hot path: no copy). Chat
     * has no start event: a new id once every choice finished begins the next response.
     */
    public void chunkId(char[] chars, int offset, int length) {
        if (responses.newIdPending() || finished() && id.differsFromLast(chars, offset, length)) {
            responses.newId(chars, offset, length); // the next response, if the chunk has a choice
            return;
        }
        id.offer(chars, offset, length);
    }

    /** The id a chunk may repeat and change nothing (the last chunk's, kept, no new response pending), or null. */
    public String repeatedId() {
        return responses.newIdPending() ? null : id.lastOfferedIfKept();
    }

    /** As {@link #repeatedId}, for the model. */
    public String repeatedModel() {
        return responses.newIdPending() ? null : model.lastOfferedIfKept();
    }

    public void model(CharSequence value) {
        model.offer(value);
    }

    public void model(char[] chars, int offset, int length) {
        if (responses.newIdPending()) {
            responses.newModel(chars, offset, length);
            return;
        }
        model.offer(chars, offset, length);
    }

    public void systemFingerprint(CharSequence value) {
        systemFingerprint.offer(value);
    }

    public void serviceTier(CharSequence value) {
        serviceTier.offer(value);
    }

    public void created(long value) {
        if (created == null || created == 0) { // 0 is a placeholder (Azure's first chunk), not a time
            created = value;
        }
    }

    /** Replaces a header value outright (an authoritative final response). */
    public void overrideId(String value) {
        id.override(value);
    }

    public void overrideModel(String value) {
        model.override(value);
    }

    public void overrideServiceTier(String value) {
        serviceTier.override(value);
    }

    public String id() {
        return id.value();
    }

    public String model() {
        return model.value();
    }

    public String systemFingerprint() {
        return systemFingerprint.value();
    }

    public String serviceTier() {
        return serviceTier.value();
    }

    /* ---------------------------------------------------------------------------------------
     * Choices, usage, extras
     * ------------------------------------------------------------------------------------- */

    /** Returns the state of the choice with this index, creating it on first use. */
    public ChoiceState choice(int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw diagnostics.unexpected("Expected a choice index from 0 to " + MAX_INDEX + " but found " + index);
        }
        if (index >= choices.length) {
            choices = Arrays.copyOf(choices, Math.max(index + 1, choices.length * 2));
        }
        ChoiceState choice = choices[index];
        if (choice == null) {
            choice = new ChoiceState(index, this);
            choices[index] = choice;
        }
        return choice;
    }

    /** The choices folded so far, in index order. */
    public List<ChoiceState> choices() {
        List<ChoiceState> list = new ArrayList<>();
        for (ChoiceState c : choices) {
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }

    /** The stream is a whole non-streaming response (a body read as the one chunk it is). */
    public void wholeResponse() {
        streamed = false;
    }

    /** Counts a tool call that starts; past the limit, a located LIMIT error that names the option. */
    void countToolCall() {
        if (++toolCalls > maxToolCalls) {
            throw diagnostics.limit("The stream started more than " + maxToolCalls + " tool calls; raise the limit with"
                    + " `AssemblerOptions.builder().maxToolCalls(int)` (or `AssemblerOptions.withMaxToolCalls(int)`)");
        }
    }

    /** The last usage wins (chat, Gemini, Responses). */
    public void usage(Map<String, Object> value) {
        if (value != null) {
            usage = value;
        }
    }

    /** Each field overrides (Anthropic: {@code message_delta} usage is cumulative). */
    public void mergeUsage(Map<String, Object> value) {
        if (value == null) {
            return;
        }
        Map<String, Object> merged = usage == null ? new LinkedHashMap<>() : new LinkedHashMap<>(usage);
        for (Map.Entry<String, Object> e : value.entrySet()) {
            if (e.getValue() != null || !merged.containsKey(e.getKey())) {
                merged.put(e.getKey(), e.getValue());
            }
        }
        usage = merged;
    }

    /** Native top-level fields the neutral model has no place for, in the provider's spelling. */
    public Map<String, Object> extra() {
        return extra;
    }

    /**
     * A provider's error that the stream carried (an error event, an {@code error} beside or
     * instead of a chunk): warned, and kept as the native {@code error}. Every format reports it here.
     */
    public void providerError(Object error) {
        diagnostics.warn("provider-error", "the stream carried an error (" + ProviderErrors.summary(error) + ")");
        if (error != null) {
            extra.put("error", error);
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Responses: an input may hold several, one after another (see ResponseSequence)
     * ------------------------------------------------------------------------------------- */

    /** The responses of the input: where each begins and ends, and what the readers return. */
    public ResponseSequence responses() {
        return responses;
    }

    /** Offers the header values a chunk read before it turned out to begin a response, or not. */
    void offerHeader(String newId, String newModel) {
        id.offer(newId);
        model.offer(newModel);
    }

    /** False after a whole non-streaming response. */
    boolean streamed() {
        return streamed;
    }

    /** Whether the response's end event came ({@code message_stop}, {@code messageStop}, ...). */
    public boolean ended() {
        return terminated;
    }

    /** Whether anything of this response was folded. */
    boolean begun() {
        return id.value() != null || model.value() != null || terminated || usage != null || !extra.isEmpty()
                || !choices().isEmpty();
    }

    /** Ends this response as {@link #finish} does, its last chunk the one before the current. */
    Completion finishBeforeChunk() {
        chunkEnd = diagnostics.chunk() - 1; // the chunk that begins the next response is not this one's
        try {
            return finish();
        } finally {
            chunkEnd = -1;
        }
    }

    /** Forgets everything of the response but the format, for the next. */
    void clear() {
        id.reset();
        model.reset();
        systemFingerprint.reset();
        serviceTier.reset();
        created = null;
        choices = new ChoiceState[1];
        usage = null;
        extra.clear();
        terminated = false;
        streamed = true;
        chunkBase = Math.max(0, diagnostics.chunk() - 1);
    }

    /** Adds a folder's derived state to every snapshot, without changing it. */
    public void publisher(Consumer<Published> publisher) {
        publishers.add(publisher);
    }

    public void terminated() {
        terminated = true;
    }

    /* ---------------------------------------------------------------------------------------
     * Snapshot
     * ------------------------------------------------------------------------------------- */

    /** True when every choice has a finish reason (and there is at least one). */
    public boolean finished() {
        boolean any = false;
        for (ChoiceState c : choices) {
            if (c != null) {
                if (!c.finished()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Ends the stream: a stream without a finish is reported truncated, every call is completed
     * (the listener hears it) and its arguments checked, and the text buffers go to the next
     * assembly once the final completion is made.
     */
    public Completion finish() {
        if (!complete() && !diagnostics.hasWarning("truncated")) {
            diagnostics.warn("truncated", choices().isEmpty()
                    ? "the stream ended before any choice arrived"
                    : "the stream ended without a finish reason");
        }
        for (ChoiceState c : choices) {
            if (c != null) {
                for (ToolCallState call : c.calls()) {
                    c.completeCall(call);
                    call.checkArguments(c.index(), diagnostics);
                }
            }
        }
        Completion completion = snapshot();
        for (ChoiceState c : choices) {
            if (c != null) {
                c.release(); // the stream is over: its text stays readable, its buffers serve the next assembly
            }
        }
        return completion;
    }

    /** The immutable completion of what was folded so far. It changes no state. */
    public Completion snapshot() {
        Published published = new Published(extra);
        for (Consumer<Published> publisher : publishers) {
            publisher.accept(published);
        }
        List<Choice> list = new ArrayList<>();
        for (ChoiceState c : choices) {
            if (c != null) {
                list.add(c.snapshot(defaultToolType(), format.value(), published));
            }
        }
        boolean incomplete = !complete() || !diagnostics.problems().isEmpty();
        int chunks = (chunkEnd >= 0 ? chunkEnd : diagnostics.chunk()) - chunkBase;
        return new Completion(format.value(), id.value(), model.value(), created, systemFingerprint.value(),
                serviceTier.value(), list, usage == null ? null : Usages.of(format.value(), usage), published.extra(), chunks,
                incomplete,
                diagnostics.warnings(), diagnostics.problems(), streamed);
    }

    /**
     * Every choice finished; or the stream ended on purpose with no choice at all (a Gemini prompt
     * blocked before any candidate): there was nothing to truncate.
     */
    private boolean complete() {
        return finished() || (terminated && choices().isEmpty());
    }

}
