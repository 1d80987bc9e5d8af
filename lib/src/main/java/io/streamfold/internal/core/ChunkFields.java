package io.streamfold.internal.core;

import io.streamfold.internal.json.CharBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level fields of one chunk, read whole before they are folded because a chunk's keys
 * come in any order (an event's {@code type} may come last). Reused chunk after chunk: text
 * lands in buffers, and only the rare structured fields become maps.
 */
public final class ChunkFields {

    // OpenAI chunk header
    public boolean sawChoices;
    public final CharBuf object = new CharBuf();
    public final CharBuf systemFingerprint = new CharBuf();
    public final CharBuf serviceTier = new CharBuf();
    public boolean hasCreated;
    public long created;
    public Object usage;
    /** Usage from a vendor's own field (Groq's {@code x_groq.usage}), used when the chunk has no top-level one. */
    public Object vendorUsage;

    // Gemini
    public boolean sawGemini;
    /** True once a camelCase Gemini key was seen, false once a snake_case one was; null when neither. */
    public Boolean geminiCamel;
    public String responseId;
    public String modelVersion;
    public String createTime;
    public Object usageMetadata;
    public Object promptFeedback;

    // Events: Anthropic, Responses, Gemini Interactions
    public String type;
    public String eventType;
    public boolean hasIndex;
    public int index;
    public boolean hasOutputIndex;
    public int outputIndex;
    public boolean hasContentIndex;
    public int contentIndex;
    public boolean hasSummaryIndex;
    public int summaryIndex;
    public final CharBuf itemId = new CharBuf();
    /** A string {@code delta} (Responses). */
    public final CharBuf deltaText = new CharBuf();
    /** An object {@code delta} (Anthropic, Interactions). */
    public final DeltaFields delta = new DeltaFields();
    public final CharBuf text = new CharBuf();
    public final CharBuf arguments = new CharBuf();
    public String status;
    /** Structured fields of rare events (message, content_block, response, item, part, error, ...). */
    public Map<String, Object> objects;

    /** Set when an event or Gemini field was read: chat chunks, the hot path, leave those untouched. */
    public boolean others;

    public void reset() {
        sawChoices = false;
        object.reset();
        systemFingerprint.reset();
        serviceTier.reset();
        hasCreated = false;
        usage = null;
        vendorUsage = null;
        objects = null;
        if (others) {
            resetOthers();
        }
    }

    private void resetOthers() {
        others = false;
        sawGemini = false;
        responseId = null;
        modelVersion = null;
        createTime = null;
        usageMetadata = null;
        promptFeedback = null;
        type = null;
        eventType = null;
        hasIndex = false;
        hasOutputIndex = false;
        hasContentIndex = false;
        hasSummaryIndex = false;
        itemId.reset();
        deltaText.reset();
        delta.reset();
        text.reset();
        arguments.reset();
        status = null;
    }

    public void object(String name, Object value) {
        if (objects == null) {
            objects = new LinkedHashMap<>();
        }
        objects.put(name, value);
    }

    /** A structured field as read, or null. */
    public Object object(String name) {
        return objects == null ? null : objects.get(name);
    }

    /** A structured field that is an object, or null. */
    public Map<String, Object> map(String name) {
        return Values.asMap(object(name));
    }

    /** True when the chunk looks like an event of some event format. */
    public boolean isEvent() {
        return type != null || eventType != null;
    }
}
