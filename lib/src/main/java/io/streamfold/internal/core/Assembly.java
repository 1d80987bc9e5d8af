package io.streamfold.internal.core;

import io.streamfold.internal.json.Read;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.AssemblyListener;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
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

    private Format format;
    private final boolean formatForced;
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

    /** An assembly for one stream; more than {@code maxToolCalls} calls are a LIMIT error. */
    public Assembly(Diagnostics diagnostics, AssemblyListener listener, Format format, int maxToolCalls) {
        this.maxToolCalls = maxToolCalls;
        this.diagnostics = diagnostics;
        this.listener = listener;
        this.format = format;
        this.formatForced = format != null;
        this.id = new HeaderField("id", diagnostics);
        this.model = new HeaderField("model", diagnostics);
        this.systemFingerprint = new HeaderField("system_fingerprint", diagnostics);
        this.serviceTier = new HeaderField("service_tier", diagnostics);
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
        return format;
    }

    /** Settles the format on the first chunk that tells it; later chunks of another format are an error. */
    public void format(Format detected) {
        if (format == null) {
            format = detected;
        } else if (format != detected && !compatible(format, detected)) {
            throw diagnostics.unexpected("Expected a " + format.wireName() + " chunk but found a " + detected.wireName()
                    + (formatForced ? " chunk: the format was given, and the stream is not in it"
                            : " chunk: one recording holds one stream"));
        }
    }

    /**
     * Chat and legacy completion chunks share an envelope, and so do Ollama's chat and generate
     * chunks; the first chunk with text decides.
     */
    private static boolean compatible(Format a, Format b) {
        return (a == Format.OPENAI_CHAT || a == Format.OPENAI_COMPLETION)
                && (b == Format.OPENAI_CHAT || b == Format.OPENAI_COMPLETION)
                || (a == Format.OLLAMA_CHAT || a == Format.OLLAMA_GENERATE)
                && (b == Format.OLLAMA_CHAT || b == Format.OLLAMA_GENERATE);
    }

    /** Switches between the two formats of one envelope (see {@link #compatible}) when a chunk shows which. */
    public void refine(Format detected) {
        if (!formatForced) {
            format = detected;
        }
    }

    /** Switches between the two OpenAI chunk formats when the text shows which one it is. */
    public void refineOpenAi(Format detected) {
        if (!formatForced) {
            format = detected;
        }
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

    /** The chunk's id, compared straight from the parser's buffer (the hot path: no copy). */
    public void id(char[] chars, int offset, int length) {
        id.offer(chars, offset, length);
    }

    public void model(CharSequence value) {
        model.offer(value);
    }

    public void model(char[] chars, int offset, int length) {
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
        Map<String, Object> map = Values.asMap(error);
        String code = map == null ? null : firstString(map, "type", "code", "status");
        String message = map == null ? (error == null ? null : String.valueOf(error)) : Values.stringAt(map, "message");
        String summary = code != null && message != null ? code + ": " + message
                : message != null ? message : code != null ? code : "no details";
        diagnostics.warn("provider-error", "the stream carried an error (" + summary + ")");
        if (error != null) {
            extra.put("error", error);
        }
    }

    private static String firstString(Map<String, Object> map, String... keys) {
        for (String key : keys) {
            Object value = map.get(key);
            if (value instanceof String || value instanceof Number) {
                return String.valueOf(value);
            }
        }
        return null;
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
                    checkArguments(c, call);
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
                list.add(c.snapshot(defaultToolType(), format, published));
            }
        }
        boolean incomplete = !complete() || !diagnostics.problems().isEmpty();
        return new Completion(format, id.value(), model.value(), created, systemFingerprint.value(), serviceTier.value(),
                list, usage == null ? null : Usages.of(format, usage), published.extra(), diagnostics.chunk(), incomplete,
                diagnostics.warnings(), diagnostics.problems(), streamed);
    }

    /**
     * Every choice finished; or the stream ended on purpose with no choice at all (a Gemini prompt
     * blocked before any candidate): there was nothing to truncate.
     */
    private boolean complete() {
        return finished() || (terminated && choices().isEmpty());
    }

    /** Arguments are only JSON as a whole: at the end, say when they are not. */
    private void checkArguments(ChoiceState choice, ToolCallState call) {
        String args = call.argumentsOverride != null ? call.argumentsOverride : call.arguments.toString();
        if (!call.freeForm && !args.isBlank() && !Read.isJson(args)) {
            diagnostics.warn("invalid-arguments:" + choice.index() + ":" + call.position, "invalid-arguments",
                    "the arguments of tool call " + call.position + " (" + call.name() + ") in choice " + choice.index()
                            + " are not valid JSON: " + Values.preview(args));
        }
    }
}
