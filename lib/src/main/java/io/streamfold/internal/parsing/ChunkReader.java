package io.streamfold.internal.parsing;

import io.streamfold.internal.json.JsonValues;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.ChunkFields;
import io.streamfold.internal.core.DeltaFields;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.KeyOrder;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.format.anthropic.AnthropicEvents;
import io.streamfold.internal.format.gemini.GeminiCandidates;
import io.streamfold.internal.format.interactions.InteractionsEvents;
import io.streamfold.internal.format.openai.OpenAiChoices;
import io.streamfold.internal.format.responses.ResponsesEvents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one chunk, whatever its format, and hands it to that format's folder. Choices and
 * candidates are folded as they are read; every other top-level field waits in a reused
 * {@link ChunkFields} until the chunk ends, because keys come in any order (an event's
 * {@code type} may come last). The first chunk that tells settles the stream's format.
 */
public final class ChunkReader {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final ChunkFields fields = new ChunkFields();
    private final KeyOrder chunkKeys = new KeyOrder();
    private final List<String> unknownKeys = new ArrayList<>();
    private boolean objectSeen;
    private boolean createdSeen;
    private OpenAiChoices openAi;
    private GeminiCandidates gemini;
    private AnthropicEvents anthropic;
    private ResponsesEvents responses;
    private InteractionsEvents interactions;

    public ChunkReader(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
    }

    /**
     * Reads one chunk object and folds it. The parser stands on the chunk's START_OBJECT, or on
     * its first FIELD_NAME when the caller already looked inside (a body item without envelope).
     */
    public void read(JsonParser p) throws IOException {
        ChunkFields c = fields;
        c.reset();
        unknownKeys.clear();
        JsonToken t = p.currentToken();
        String first;
        // The hot loop of every chunk: keys come in the order the last chunk had them, matched as bytes (KeyOrder).
        if (t == JsonToken.START_OBJECT) {
            first = chunkKeys.first(p);
        } else if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
            first = t == JsonToken.FIELD_NAME ? p.currentName() : null;
            chunkKeys.startAfter(first);
        } else {
            throw diag.expected("a chunk object", "the chunk");
        }
        diag.chunkRoot(p);
        boolean known = assembly.format() != null;
        for (String name = first; name != null; name = chunkKeys.next(p)) {
            JsonToken value = p.nextToken();
            if (known && (value == JsonToken.VALUE_NULL || settled(name))) {
                // null is absent for every field, and settled header fields are not read again: most of
                // a chat chunk. A skipped string is never even decoded.
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
                continue;
            }
            // The keys every chat chunk repeats, here rather than in field(), which is too big to inline.
            if (name == "choices") {
                c.sawChoices = true;
                assembly.format(Format.OPENAI_CHAT);
                openAi().readChoices(p);
            } else if (name == "id" && value == JsonToken.VALUE_STRING) {
                assembly.id(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else if (name == "model" && value == JsonToken.VALUE_STRING) {
                assembly.model(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
                field(p, name, c);
            }
        }
        fold(c);
        diag.endChunk();
    }

    /**
     * Reads a chunk whose first field is {@code response} and whose reading has stepped inside
     * that object (telling a Responses event from a recording): the parser stands on the first
     * FIELD_NAME of the {@code response} value.
     */
    public void readWithResponseOpen(JsonParser p) throws IOException {
        ChunkFields c = fields;
        c.reset();
        c.object("response", JsonValues.readFields(p));
        diag.chunkRoot(p); // now on the response's end: the chunk's own object
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            field(p, name, c);
        }
        fold(c);
        diag.endChunk();
    }

    /** Header fields whose first value is kept and is already known, and OpenAI's per-chunk padding. */
    private boolean settled(String name) {
        // Names are interned: identity tests, cheaper than the switch's hashing.
        return name == "obfuscation"
                || (name == "created" && createdSeen)
                || (name == "object" && objectSeen)
                || (name == "system_fingerprint" && assembly.systemFingerprint() != null)
                || (name == "service_tier" && assembly.serviceTier() != null);
    }

    private void field(JsonParser p, String name, ChunkFields c) throws IOException {
        JsonToken t = p.currentToken();
        switch (name) {
            // OpenAI chunks
            case "choices":
                c.sawChoices = true;
                assembly.format(Format.OPENAI_CHAT);
                openAi().readChoices(p);
                break;
            case "id":
                if (t == JsonToken.VALUE_STRING) {
                    assembly.id(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else if (t != JsonToken.VALUE_NULL) {
                    throw diag.expected("a string", "id");
                }
                break;
            case "object":
                // Needed once, to tell chat from legacy completions; later ones stay undecoded.
                if (objectSeen) {
                    p.skipChildren();
                } else {
                    Read.text(p, c.object, diag, "object");
                    objectSeen = c.object.present();
                }
                break;
            case "model":
                if (t == JsonToken.VALUE_STRING) {
                    assembly.model(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else if (t != JsonToken.VALUE_NULL) {
                    throw diag.expected("a string", "model");
                }
                break;
            case "created":
                if (createdSeen) {
                    break; // the first one is kept: later ones need no parsing
                }
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    c.hasCreated = true;
                    c.created = p.getLongValue();
                    createdSeen = c.created != 0; // Azure's prompt-filter chunk says 0: wait for a real one
                } else if (t != JsonToken.VALUE_NULL) {
                    throw diag.expected("an integer", "created");
                }
                break;
            case "system_fingerprint":
                // The first one is kept; unlike id and model, a change is not worth decoding every chunk.
                if (assembly.systemFingerprint() == null) {
                    Read.text(p, c.systemFingerprint, diag, "system_fingerprint");
                }
                break;
            case "service_tier":
                if (assembly.serviceTier() == null) {
                    Read.text(p, c.serviceTier, diag, "service_tier");
                }
                break;
            case "usage":
                if (t != JsonToken.VALUE_NULL && t != JsonToken.START_OBJECT) {
                    throw diag.expected("an object", "usage");
                }
                if (t != JsonToken.VALUE_NULL) {
                    c.usage = JsonValues.read(p);
                    c.object("usage", c.usage);
                }
                break;
            case "x_groq":
                // Groq reports usage here on the last chunk when the request did not ask for it at the top.
                java.util.Map<String, Object> groq = Values.asMap(JsonValues.read(p));
                if (groq != null && groq.get("usage") != null) {
                    c.vendorUsage = groq.get("usage");
                }
                break;

            // Gemini chunks
            case "candidates":
                c.others = true;
                c.sawGemini = true;
                assembly.format(Format.GEMINI);
                gemini().readCandidates(p, c);
                break;
            case "usage_metadata":
            case "usageMetadata":
                gemini(c, name);
                c.usageMetadata = t == JsonToken.VALUE_NULL ? null : JsonValues.read(p);
                break;
            case "model_version":
            case "modelVersion":
                gemini(c, name);
                c.modelVersion = Read.string(p, diag, name);
                break;
            case "response_id":
            case "responseId":
                gemini(c, name);
                c.responseId = Read.string(p, diag, name);
                break;
            case "create_time":
            case "createTime":
                gemini(c, name);
                c.createTime = Read.string(p, diag, name);
                break;
            case "prompt_feedback":
            case "promptFeedback":
                gemini(c, name);
                c.promptFeedback = t == JsonToken.VALUE_NULL ? null : JsonValues.read(p);
                break;
            case "sdk_http_response":
            case "automatic_function_calling_history":
                c.others = true;
                c.sawGemini = true; // Python SDK bookkeeping, not part of the response
                p.skipChildren();
                break;

            // Events: Anthropic, Responses, Gemini Interactions
            case "type":
                c.others = true;
                c.type = Read.string(p, diag, "type");
                break;
            case "event_type":
                c.others = true;
                c.eventType = Read.string(p, diag, "event_type");
                break;
            case "index":
                c.others = true;
                c.index = Read.integer(p, diag, "index", -1);
                c.hasIndex = c.index >= 0;
                break;
            case "output_index":
                c.others = true;
                c.outputIndex = Read.integer(p, diag, "output_index", -1);
                c.hasOutputIndex = c.outputIndex >= 0;
                break;
            case "content_index":
                c.others = true;
                c.contentIndex = Read.integer(p, diag, "content_index", -1);
                c.hasContentIndex = c.contentIndex >= 0;
                break;
            case "summary_index":
                c.others = true;
                c.summaryIndex = Read.integer(p, diag, "summary_index", -1);
                c.hasSummaryIndex = c.summaryIndex >= 0;
                break;
            case "item_id":
                c.others = true;
                Read.text(p, c.itemId, diag, "item_id");
                break;
            case "delta":
                c.others = true;
                if (t == JsonToken.VALUE_STRING) {
                    c.deltaText.appendText(p);
                } else if (t == JsonToken.START_OBJECT) {
                    readDelta(p, c.delta);
                } else if (t != JsonToken.VALUE_NULL) {
                    throw diag.expected("a string or an object", "delta");
                }
                break;
            case "text":
                c.others = true;
                if (t == JsonToken.VALUE_STRING) {
                    c.text.appendText(p);
                } else {
                    p.skipChildren();
                }
                break;
            case "arguments":
                c.others = true;
                if (t == JsonToken.VALUE_STRING) {
                    c.arguments.appendText(p);
                } else {
                    p.skipChildren();
                }
                break;
            case "status":
                c.others = true;
                c.status = t == JsonToken.VALUE_STRING ? p.getText() : null;
                break;
            case "message":
            case "content_block":
            case "response":
            case "item":
            case "part":
            case "interaction":
            case "content":
            case "step":
            case "error":
            case "annotation":
            case "refusal":
            case "input":
            case "code":
            case "param":
                c.object(name, JsonValues.read(p));
                break;
            default:
                // Vendors add fields anywhere (obfuscation, prompt_filter_results, model_id, ...).
                if (assembly.format() == null && unknownKeys.size() < 8) {
                    unknownKeys.add(name); // only until the format is known: to say what a non-stream held
                }
                p.skipChildren();
                break;
        }
    }

    private static void gemini(ChunkFields c, String name) {
        c.others = true;
        c.sawGemini = true;
        if (c.geminiCamel == null) {
            c.geminiCamel = name.indexOf('_') < 0;
        }
    }

    private void readDelta(JsonParser p, DeltaFields d) throws IOException {
        d.present = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type":
                    d.type = Read.string(p, diag, "type");
                    break;
                case "text":
                    Read.text(p, d.text, diag, "delta.text");
                    break;
                case "thinking":
                    Read.text(p, d.thinking, diag, "delta.thinking");
                    break;
                case "signature":
                    Read.text(p, d.signature, diag, "delta.signature");
                    break;
                case "partial_json":
                    Read.text(p, d.partialJson, diag, "delta.partial_json");
                    break;
                case "arguments":
                    // streamed as a string, or sent whole as an object (Interactions' function_call delta)
                    if (t == JsonToken.VALUE_STRING) {
                        d.arguments.appendText(p);
                    } else if (t != JsonToken.VALUE_NULL) {
                        d.other(name, JsonValues.read(p));
                    }
                    break;
                default:
                    d.other(name, JsonValues.read(p));
                    break;
            }
        }
    }

    /* ---------------------------------------------------------------------------------------
     * Dispatch, once the chunk is read
     * ------------------------------------------------------------------------------------- */

    private void fold(ChunkFields c) {
        if (c.usage == null && c.vendorUsage != null) {
            c.usage = c.vendorUsage; // the top-level usage wins when both came
        }
        if (c.sawChoices) {
            openAi().foldHeader(c);
            if (c.object("error") != null) {
                providerError(c); // OpenRouter: an error beside a choice that finishes with "error"
            }
        } else if (c.sawGemini) {
            assembly.format(Format.GEMINI);
            gemini().foldHeader(c);
        } else if (c.eventType != null) {
            assembly.format(Format.GEMINI_INTERACTIONS);
            interactions().fold(c);
        } else if (c.type != null) {
            foldTypedEvent(c);
        } else if (c.object("error") != null) {
            providerError(c);
        } else if (c.usage != null && isOpenAi()) {
            openAi().foldHeader(c); // a usage-only chunk without choices
        } else {
            unrecognized(c);
        }
    }

    private void foldTypedEvent(ChunkFields c) {
        Format current = assembly.format();
        if (c.type.startsWith("response.")) {
            assembly.format(Format.OPENAI_RESPONSES);
            responses().fold(c);
        } else if (isAnthropicEvent(c.type)) {
            assembly.format(Format.ANTHROPIC_MESSAGES);
            anthropic().fold(c);
        } else if (current == Format.OPENAI_RESPONSES) {
            responses().fold(c); // error, or an event type newer than this library
        } else if (current == Format.ANTHROPIC_MESSAGES) {
            anthropic().fold(c);
        } else if (current == Format.GEMINI_INTERACTIONS) {
            c.eventType = c.type;
            interactions().fold(c);
        } else if (c.type.equals("error")) {
            providerError(c);
        } else {
            unrecognized(c);
        }
    }

    private static boolean isAnthropicEvent(String type) {
        switch (type) {
            case "message_start":
            case "content_block_start":
            case "content_block_delta":
            case "content_block_stop":
            case "message_delta":
            case "message_stop":
            case "ping":
                return true;
            default:
                return false;
        }
    }

    private boolean isOpenAi() {
        return assembly.format() == Format.OPENAI_CHAT || assembly.format() == Format.OPENAI_COMPLETION;
    }

    private void providerError(ChunkFields c) {
        Object error = c.object("error");
        Object message = error instanceof java.util.Map<?, ?> m ? m.get("message") : error;
        diag.warn("provider-error", "the stream carried an error (" + (message != null ? message : c.object("message")) + ")");
        assembly.extra().put("error", error != null ? error : c.object("message"));
    }

    private void unrecognized(ChunkFields c) {
        if (assembly.format() == null) {
            String keys = unknownKeys.isEmpty() ? "none" : String.join(", ", unknownKeys);
            throw new NotAStreamException(diag.chunk() == 1
                    ? "JSON that is not a recording: its first object has none of the fields of a known chunk (keys: " + keys + ")"
                    : "chunk " + diag.chunk() + " has none of the fields of a known streaming format (keys: " + keys + ")");
        }
        diag.warn("unrecognized-chunk", "a chunk with none of the fields of " + assembly.format().wireName()
                + " was skipped");
    }

    private OpenAiChoices openAi() {
        if (openAi == null) {
            openAi = new OpenAiChoices(assembly);
        }
        return openAi;
    }

    private GeminiCandidates gemini() {
        if (gemini == null) {
            gemini = new GeminiCandidates(assembly);
        }
        return gemini;
    }

    private AnthropicEvents anthropic() {
        if (anthropic == null) {
            anthropic = new AnthropicEvents(assembly);
        }
        return anthropic;
    }

    private ResponsesEvents responses() {
        if (responses == null) {
            responses = new ResponsesEvents(assembly);
        }
        return responses;
    }

    private InteractionsEvents interactions() {
        if (interactions == null) {
            interactions = new InteractionsEvents(assembly);
        }
        return interactions;
    }
}
