package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.core.TextAccumulator;
import io.streamfold.internal.format.EventFields;
import io.streamfold.internal.format.WireFormats;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAI Responses event as read: its type, the indexes that place it, the text it carries
 * (in reusable buffers: the hot path of a Responses stream) and its structured fields.
 *
 * <p>What a {@code .done} event or {@code output_item.done} repeats of the deltas is, when the
 * event's type and place come first (as the API sends them), compared with what the deltas built
 * as it is read, and kept only when it differs; a repeated value nothing reads is passed over.
 */
final class ResponsesEvent extends EventFields {

    /** What the deltas built, found without changing anything, for values that repeat it. */
    interface Built {
        /** The text the {@code text} or {@code arguments} field of this event repeats, or null. */
        TextAccumulator repeated(ResponsesEvent e, String field);

        /** The item output_item.done at this index closes, or null. */
        Item itemAt(int outputIndex);
    }

    boolean hasOutputIndex;
    int outputIndex;
    boolean hasContentIndex;
    int contentIndex;
    boolean hasSummaryIndex;
    int summaryIndex;
    final CharBuf itemId = new CharBuf();
    /** A string {@code delta}. */
    final CharBuf deltaText = new CharBuf();
    final CharBuf text = new CharBuf();
    final CharBuf arguments = new CharBuf();
    /** The built text that {@code text}, or {@code arguments}, was found equal to (then not kept). */
    private TextAccumulator textSame;
    private TextAccumulator argumentsSame;
    /** The built item an output_item.done was read for, and whether its arguments were the built ones. */
    Item closing;
    boolean closingArgumentsSame;
    private Built built;
    private final RepeatedText repeated = new RepeatedText();
    private final FinalResponse finalResponse = new FinalResponse(repeated);

    void built(Built built) {
        this.built = built;
    }

    /** The {@code text} of a .done event: read, or the built text it equals; null or absent when none. */
    CharSequence doneText() {
        return textSame != null ? textSame : text;
    }

    /** The {@code arguments} of a .done event, as {@link #doneText}. */
    CharSequence doneArguments() {
        return argumentsSame != null ? argumentsSame : arguments;
    }

    @Override
    public void reset() {
        super.reset();
        textSame = null;
        argumentsSame = null;
        closing = null;
        closingArgumentsSame = false;
        hasOutputIndex = false;
        hasContentIndex = false;
        hasSummaryIndex = false;
        itemId.reset();
        deltaText.reset();
        text.reset();
        arguments.reset();
    }

    @Override
    public boolean read(JsonParser p, String name, Diagnostics diag) throws IOException {
        JsonToken t = p.currentToken();
        // Every delta event repeats these: identity tests (Jackson interns names) before the switch's hashing.
        if (name == "delta" && t == JsonToken.VALUE_STRING) {
            deltaText.appendText(p);
            return true;
        }
        if (name == "sequence_number" || name == "obfuscation" || name == "logprobs") {
            return true; // ordering and padding: nothing to fold
        }
        switch (name) {
            case "type":
                readType(p, diag, "type");
                return true;
            case "delta":
                if (t == JsonToken.VALUE_STRING) {
                    deltaText.appendText(p);
                } else if (t != JsonToken.VALUE_NULL) {
                    keep(p, name); // not a text delta: kept, never lost
                }
                return true;
            case "item_id":
                Read.text(p, itemId, diag, "item_id");
                return true;
            case "output_index":
                outputIndex = Read.integer(p, diag, "output_index", -1);
                hasOutputIndex = outputIndex >= 0;
                return true;
            case "content_index":
                contentIndex = Read.integer(p, diag, "content_index", -1);
                hasContentIndex = contentIndex >= 0;
                return true;
            case "summary_index":
                summaryIndex = Read.integer(p, diag, "summary_index", -1);
                hasSummaryIndex = summaryIndex >= 0;
                return true;
            case "text":
                textSame = repeatedOrKept(p, text, textSame, name);
                return true;
            case "arguments":
                argumentsSame = repeatedOrKept(p, arguments, argumentsSame, name);
                return true;
            case "part":
                if ("response.content_part.done".equals(type) || "response.reasoning_summary_part.done".equals(type)) {
                    JsonValues.skip(p); // the part's whole text again, which nothing reads
                } else {
                    keep(p, name);
                }
                return true;
            case "item":
                Item item = "response.output_item.done".equals(type) && hasOutputIndex && built != null
                        ? built.itemAt(outputIndex) : null;
                if (item != null && p.currentToken() == JsonToken.START_OBJECT && closing == null) {
                    closing = item;
                    object(name, closingItem(p, item));
                } else {
                    keep(p, name);
                }
                return true;
            case "response":
                if (built != null && t == JsonToken.START_OBJECT && isFinal(type)) {
                    object(name, finalResponse.read(p, built)); // its texts against the built ones, in place
                } else {
                    keep(p, name);
                }
                return true;
            case "annotation":
            case "refusal":
            case "input":
            case "code":
            case "param":
            case "message":
            case "error":
                keep(p, name);
                return true;
            default:
                if (WireFormats.mayTell(name) && !name.equals("object")) {
                    return false; // another format's field: the reader decides what the chunk is
                }
                // A non-streaming response's own fields (id, status, output, usage, ...); no event
                // of a stream has others at its top but sequence_number, obfuscation, logprobs.
                keep(p, name);
                return true;
        }
    }

    /** The events that carry the final, authoritative response. */
    private static boolean isFinal(String type) {
        return "response.completed".equals(type) || "response.incomplete".equals(type) || "response.failed".equals(type);
    }

    /** A flat {@code error} event's fields, as the error object they are. */
    Map<String, Object> flatError() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", object("code"));
        error.put("message", object("message"));
        error.put("param", object("param"));
        return error;
    }

    /** A refusal.done's {@code refusal} when a string, else null. */
    CharSequence refusal() {
        return object("refusal") instanceof String s ? s : null;
    }

    /** A custom_tool_call_input.done's {@code input} when a string, else null. */
    CharSequence input() {
        return object("input") instanceof String s ? s : null;
    }

    /** Whether this is a whole non-streaming {@code response}, not an event. */
    boolean isWholeResponse() {
        return type == null && "response".equals(object("object"));
    }

    /**
     * A text field: compared with the built text it repeats when the type says which (the built
     * text returned, nothing kept), else read into {@code into} as {@link #textOrKept} reads it.
     */
    private TextAccumulator repeatedOrKept(JsonParser p, CharBuf into, TextAccumulator same, String name) throws IOException {
        if (same == null && !into.present() && p.currentToken() == JsonToken.VALUE_STRING && type != null && built != null) {
            TextAccumulator target = built.repeated(this, name);
            if (target != null) {
                return repeated.same(p, target, into) ? target : null;
            }
        }
        if (same != null) {
            into.append(same); // the field again: its values join, as they always have
        }
        textOrKept(p, into, name);
        return null;
    }

    /**
     * The object of an output_item.done for an item the deltas built, read as {@code keep} reads
     * it but for what the stream already holds: a message's content, which the built one replaces
     * in the output, is passed over; a call's arguments are compared with the built ones.
     */
    private Map<String, Object> closingItem(JsonParser p, Item item) throws IOException {
        String argumentsKey = item.call == null ? null : item.type.equals("custom_tool_call") ? "input" : "arguments";
        return FinalResponse.object(p, (q, key, v) -> {
            if (item.type.equals("message") && key.equals("content")) {
                JsonValues.skip(q);
                return List.of();
            }
            if (key.equals(argumentsKey) && v == JsonToken.VALUE_STRING) {
                CharBuf differing = new CharBuf();
                closingArgumentsSame = repeated.same(q, item.call.arguments(), differing);
                return closingArgumentsSame ? "" : differing.toString(); // the built ones replace "" in the output
            }
            if (key.equals(argumentsKey)) {
                closingArgumentsSame = false; // the last value of a key is the one kept
            }
            return JsonValues.read(q);
        });
    }

    private void textOrKept(JsonParser p, CharBuf into, String name) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            into.appendText(p);
        } else if (p.currentToken() != JsonToken.VALUE_NULL) {
            keep(p, name);
        }
    }
}
