package io.streamfold.internal.core;

import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.AssemblyListener;
import io.streamfold.Choice;
import io.streamfold.Logprobs;
import io.streamfold.Format;
import io.streamfold.Part;
import io.streamfold.internal.neutral.Choices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything folded so far for one choice: role, ordered parts (text, reasoning, refusal, tool
 * calls, kept pieces), finish reason and logprobs. Format folders write here; {@link #snapshot}
 * turns it into the immutable {@link Choice}.
 */
public final class ChoiceState {

    private final int index;
    private final Assembly assembly;
    private AssemblyListener listener;

    private String role;
    private String finishReason;
    private final List<PartState> parts = new ArrayList<>();
    // Chat folds all content into one string: these are the chat parts, created on first use.
    private PartState content;
    private PartState refusal;
    private PartState reasoning;

    private final List<ToolCallState> calls = new ArrayList<>();
    private Map<String, ToolCallState> callsById;
    private ToolCallState lastCall;

    private Map<String, List<Object>> logprobs;
    private Map<String, Object> extra;

    ChoiceState(int index, Assembly assembly) {
        this.index = index;
        this.assembly = assembly;
        this.listener = assembly.listener();
    }

    public int index() {
        return index;
    }

    /* ---------------------------------------------------------------------------------------
     * Simple fields
     * ------------------------------------------------------------------------------------- */

    /** The first non-null role wins. */
    public void role(String value) {
        if (role == null && value != null && !value.isEmpty()) {
            role = value;
        }
    }

    /** The last non-null finish reason wins; it completes the open tool calls. */
    public void finishReason(String value) {
        if (value == null) {
            return;
        }
        finishReason = value;
        completeCalls();
    }

    public String finishReason() {
        return finishReason;
    }

    public boolean finished() {
        return finishReason != null;
    }

    /** Native fields of the choice that the neutral model has no place for. */
    public Map<String, Object> extra() {
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        return extra;
    }

    /** Concatenates each array of a chunk's logprobs object under its name; null arrays keep the name. */
    public void addLogprobs(Map<String, Object> chunkLogprobs) {
        if (logprobs == null) {
            logprobs = new LinkedHashMap<>();
        }
        for (Map.Entry<String, Object> e : chunkLogprobs.entrySet()) {
            Object value = e.getValue();
            List<Object> list = logprobs.get(e.getKey());
            if (value instanceof List<?> items) {
                if (list == null) {
                    list = new ArrayList<>();
                    logprobs.put(e.getKey(), list);
                }
                list.addAll(items);
            } else if (!logprobs.containsKey(e.getKey())) {
                logprobs.put(e.getKey(), null);
            }
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Chat text: one content, one refusal, one reasoning per choice
     * ------------------------------------------------------------------------------------- */

    // A chat message has no order of its own: its parts are reasoning, content, refusal, then calls.

    public void appendContent(CharBuf text) {
        if (content == null) {
            content = addChatPart(PartState.Kind.TEXT, "text", reasoning == null ? 0 : 1);
        }
        appendText(content, text);
    }

    public void appendRefusal(CharBuf text) {
        if (refusal == null) {
            refusal = addChatPart(PartState.Kind.REFUSAL, "refusal", (reasoning == null ? 0 : 1) + (content == null ? 0 : 1));
        }
        appendText(refusal, text);
    }

    /** Appends reasoning text; {@code field} is the name the stream used ({@code reasoning_content}, {@code reasoning}). */
    public void appendReasoning(String field, CharBuf text) {
        if (reasoning == null) {
            reasoning = addChatPart(PartState.Kind.REASONING, field, 0);
        }
        appendText(reasoning, text);
    }

    private PartState addChatPart(PartState.Kind kind, String type, int position) {
        PartState part = new PartState(kind, type);
        parts.add(Math.min(position, parts.size()), part);
        return part;
    }

    /* ---------------------------------------------------------------------------------------
     * Ordered parts, for formats that have them
     * ------------------------------------------------------------------------------------- */

    public PartState addPart(PartState.Kind kind, String type) {
        PartState part = new PartState(kind, type);
        parts.add(part);
        return part;
    }

    /** The last part, or null. */
    public PartState lastPart() {
        return parts.isEmpty() ? null : parts.get(parts.size() - 1);
    }

    public List<PartState> parts() {
        return parts;
    }

    /** Runs a step without telling the listener (a rebuild of what it was already told). */
    public void muted(Runnable step) {
        AssemblyListener saved = listener;
        listener = null;
        try {
            step.run();
        } finally {
            listener = saved;
        }
    }

    /** Removes every part and call: an authoritative final response replaces what the deltas built. */
    public void clearParts() {
        parts.clear();
        calls.clear();
        callsById = null;
        lastCall = null;
        content = null;
        refusal = null;
        reasoning = null;
    }

    /** Appends text to a part, telling the listener. */
    public void appendText(PartState part, CharSequence text) {
        if (text.length() == 0) {
            return;
        }
        noteAfterFinish();
        part.text.append(text);
        if (listener != null) {
            String delta = text.toString();
            switch (part.kind) {
                case TEXT:
                    listener.onTextDelta(index, delta);
                    break;
                case REASONING:
                    listener.onReasoningDelta(index, delta);
                    break;
                case REFUSAL:
                    listener.onRefusalDelta(index, delta);
                    break;
                default:
                    break;
            }
        }
    }

    private void noteAfterFinish() {
        if (finishReason != null) {
            assembly.diagnostics().warn("after-finish:" + index, "chunk-after-finish",
                    "choice " + index + " received more content after its finish reason '" + finishReason + "'");
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Tool calls
     * ------------------------------------------------------------------------------------- */

    /** Starts a call explicitly (formats whose events say where a call begins). */
    public ToolCallState startToolCall(String id, String type, String name) {
        ToolCallState call = newCall();
        call.id = id;
        call.type = type;
        if (name != null) {
            call.name(name);
        }
        if (id != null) {
            callsById().put(id, call);
        }
        if (listener != null) {
            listener.onToolCallStarted(index, call.position, id, name);
        }
        return call;
    }

    /** Appends streamed arguments to a call, telling the listener. */
    public void appendArguments(ToolCallState call, CharSequence delta) {
        if (delta.length() == 0) {
            return;
        }
        noteAfterFinish();
        if (call.completed) {
            // Interleaved calls: this one was reported complete when the next began. Reopen it.
            call.completed = false;
            assembly.diagnostics().warn("tool-call-resumed",
                    "arguments arrived for a tool call after the next call had started; it was completed again later");
        }
        call.arguments.append(delta);
        if (listener != null) {
            listener.onToolCallArgumentsDelta(index, call.position, delta.toString());
        }
    }

    /** Marks a call complete (its block stopped), telling the listener once. */
    public void completeCall(ToolCallState call) {
        if (!call.completed) {
            call.completed = true;
            if (listener != null) {
                if (call.argumentsOverride != null && call.arguments.length() == 0 && !call.argumentsOverride.isEmpty()) {
                    // Arguments that arrived whole or were rebuilt: one delta, so replayed deltas still add up.
                    listener.onToolCallArgumentsDelta(index, call.position, call.argumentsOverride);
                }
                listener.onToolCallCompleted(index, call.snapshot(assembly.defaultToolType()));
            }
        }
    }

    private void completeCalls() {
        for (ToolCallState call : calls) {
            completeCall(call);
        }
    }

    public List<ToolCallState> calls() {
        return calls;
    }

    /** Returns the call with this id, or null. */
    public ToolCallState callById(String id) {
        return callsById == null ? null : callsById.get(id);
    }

    /**
     * Opens a new call for a format that fills in its fields itself (the chat merge rules); the
     * listener hears of it at {@link #announce}.
     */
    public ToolCallState openCall() {
        return newCall();
    }

    /** Tells the listener that a call opened with {@link #openCall} has started. */
    public void announce(ToolCallState call) {
        if (listener != null) {
            listener.onToolCallStarted(index, call.position, call.id, call.name());
        }
    }

    /** Sets a call's id, by which later fragments may find it. */
    public void identify(ToolCallState call, String id) {
        call.id = id;
        callsById().put(id, call);
    }

    /** The call opened last, or null. */
    public ToolCallState lastCall() {
        return lastCall;
    }

    private ToolCallState newCall() {
        assembly.countToolCall();
        if (lastCall != null) {
            completeCall(lastCall);
        }
        noteAfterFinish();
        ToolCallState call = new ToolCallState(calls.size());
        calls.add(call);
        PartState part = addPart(PartState.Kind.TOOL_CALL, null);
        part.call = call;
        lastCall = call;
        return call;
    }

    private Map<String, ToolCallState> callsById() {
        if (callsById == null) {
            callsById = new HashMap<>();
        }
        return callsById;
    }

    /* ---------------------------------------------------------------------------------------
     * Snapshot
     * ------------------------------------------------------------------------------------- */

    /** The stream is over: text buffers go back for the next assembly (their text stays readable). */
    void release() {
        for (PartState part : parts) {
            part.text.release();
        }
        for (ToolCallState call : calls) {
            call.arguments.release();
        }
    }

    Choice snapshot(String defaultToolType, Format format, Published published) {
        List<Part> snapshotParts = new ArrayList<>(parts.size());
        List<String> text = null;
        List<String> refusalText = null;
        List<String> reasoningText = null;
        for (PartState part : parts) {
            Part p = part.snapshot(defaultToolType, published);
            snapshotParts.add(p);
            switch (part.kind) {
                case TEXT:
                    text = add(text, ((Part.Text) p).text());
                    break;
                case REFUSAL:
                    refusalText = add(refusalText, ((Part.Refusal) p).text());
                    break;
                case REASONING:
                    reasoningText = add(reasoningText, ((Part.Reasoning) p).text());
                    break;
                default:
                    break;
            }
        }
        Logprobs lp = logprobs == null ? null : new Logprobs(immutableLists(logprobs));
        return Choices.of(format, published.extra(), index, role, join(text), join(refusalText), join(reasoningText),
                snapshotParts, finishReason, lp, published.choiceExtra(index, extra));
    }

    private static List<String> add(List<String> list, String text) {
        List<String> l = list == null ? new ArrayList<>(1) : list;
        l.add(text);
        return l;
    }

    /** The parts' texts as one: the very String of a single part (no copy), else joined once. */
    private static String join(List<String> texts) {
        if (texts == null) {
            return null;
        }
        return texts.size() == 1 ? texts.get(0) : String.join("", texts);
    }

    private static Map<String, List<Object>> immutableLists(Map<String, List<Object>> map) {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : map.entrySet()) {
            copy.put(e.getKey(), e.getValue() == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        return copy;
    }
}
