package io.streamfold.internal.format.bedrock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code contentBlockDelta} event, read as it streams: {@code contentBlockIndex} and its
 * {@code delta}, one of {@code text}, {@code toolUse.input}, {@code reasoningContent}
 * ({@code text}, {@code signature}, {@code redactedContent}) or {@code citation} (kept whole);
 * any other kind is kept whole in {@link #others}. Reused event after event.
 */
final class BedrockDelta {

    boolean present;
    int index;
    final CharBuf text = new CharBuf();
    final CharBuf input = new CharBuf();
    final CharBuf reasoning = new CharBuf();
    final CharBuf signature = new CharBuf();
    final CharBuf redacted = new CharBuf();
    Map<String, Object> citation;
    Map<String, Object> others;

    private final KeyOrder eventKeys = new KeyOrder();
    private final KeyOrder deltaKeys = new KeyOrder();
    private final KeyOrder innerKeys = new KeyOrder();

    void reset() {
        present = false;
        index = -1;
        text.reset();
        input.reset();
        reasoning.reset();
        signature.reset();
        redacted.reset();
        citation = null;
        others = null;
    }

    /** Reads the event's object; the parser stands on its START_OBJECT. */
    void read(JsonParser p, Diagnostics diag) throws IOException {
        present = true;
        for (String name = eventKeys.first(p); name != null; name = eventKeys.next(p)) {
            p.nextToken();
            switch (name.equals("contentBlockIndex") || name.equals("delta") ? name : BedrockNames.canonical(name)) {
                case "contentBlockIndex":
                    index = Read.integer(p, diag, "contentBlockDelta.contentBlockIndex", -1);
                    break;
                case "delta":
                    if (Read.startObject(p, diag, "contentBlockDelta.delta")) {
                        delta(p, diag);
                    }
                    break;
                default:
                    break; // "p", Bedrock's padding
            }
        }
    }

    private void delta(JsonParser p, Diagnostics diag) throws IOException {
        for (String name = deltaKeys.first(p); name != null; name = deltaKeys.next(p)) {
            JsonToken t = p.nextToken();
            String kind = name.equals("text") ? name : BedrockNames.canonical(name);
            switch (kind) {
                case "text":
                    Read.text(p, text, diag, "contentBlockDelta.delta.text");
                    break;
                case "toolUse":
                case "reasoningContent":
                    if (Read.startObject(p, diag, "contentBlockDelta.delta." + kind)) {
                        inner(p, diag, kind);
                    }
                    break;
                case "citation":
                    citation = Read.object(p, diag, "contentBlockDelta.delta.citation");
                    break;
                default:
                    if (t != JsonToken.VALUE_NULL) {
                        other(kind, JsonValues.read(p));
                    }
                    break;
            }
        }
    }

    private void inner(JsonParser p, Diagnostics diag, String kind) throws IOException {
        for (String name = innerKeys.first(p); name != null; name = innerKeys.next(p)) {
            p.nextToken();
            String field = BedrockNames.canonical(name);
            String path = "contentBlockDelta.delta." + kind + "." + name;
            if (kind.equals("toolUse") && field.equals("input")) {
                Read.text(p, input, diag, path);
            } else if (kind.equals("reasoningContent") && field.equals("text")) {
                Read.text(p, reasoning, diag, path);
            } else if (kind.equals("reasoningContent") && field.equals("signature")) {
                Read.text(p, signature, diag, path);
            } else if (kind.equals("reasoningContent") && field.equals("redactedContent")) {
                Read.text(p, redacted, diag, path);
            }
        }
    }

    private void other(String name, Object value) {
        if (others == null) {
            others = new LinkedHashMap<>();
        }
        others.put(name, value);
    }
}
