package io.streamfold.internal.format.responses;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.format.EventFields;
import io.streamfold.internal.format.WireFormats;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.Read;
import java.io.IOException;

/**
 * One OpenAI Responses event as read: its type, the indexes that place it, the text it carries
 * (in reusable buffers: the hot path of a Responses stream) and its structured fields.
 */
final class ResponsesEvent extends EventFields {

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

    @Override
    public void reset() {
        super.reset();
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
                textOrKept(p, text, name);
                return true;
            case "arguments":
                textOrKept(p, arguments, name);
                return true;
            case "response":
            case "item":
            case "part":
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

    /** Whether this is a whole non-streaming {@code response}, not an event. */
    boolean isWholeResponse() {
        return type == null && "response".equals(object("object"));
    }

    private void textOrKept(JsonParser p, CharBuf into, String name) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            into.appendText(p);
        } else if (p.currentToken() != JsonToken.VALUE_NULL) {
            keep(p, name);
        }
    }
}
