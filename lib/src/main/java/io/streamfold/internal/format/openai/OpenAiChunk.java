package io.streamfold.internal.format.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamfold.Format;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.Values;
import io.streamfold.internal.format.ChunkFolder;
import io.streamfold.internal.json.CharBuf;
import io.streamfold.internal.json.Diagnostics;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.json.Read;
import io.streamfold.internal.json.Utf8Parser;
import java.io.IOException;
import java.util.Map;

/**
 * Folds OpenAI chunks (Chat Completions and legacy Completions share the envelope): choices as
 * they are read ({@link OpenAiChoices}), the header once the chunk ends. This is the hot path of
 * every chat stream: the keys every chunk repeats are tested by identity (Jackson interns names),
 * and settled header fields are skipped undecoded.
 */
final class OpenAiChunk implements ChunkFolder {

    private final Assembly assembly;
    private final Diagnostics diag;
    private final OpenAiChoices choices;

    // One chunk's header, folded when the chunk ends (keys come in any order)
    private boolean sawChoices;
    private final CharBuf object = new CharBuf();
    private final CharBuf systemFingerprint = new CharBuf();
    private final CharBuf serviceTier = new CharBuf();
    private boolean hasCreated;
    private long created;
    private Object usage;
    /** Usage from a vendor's own field (Groq's {@code x_groq.usage}), used when the chunk has no top-level one. */
    private Object vendorUsage;

    private boolean objectSeen;
    private boolean createdSeen;

    OpenAiChunk(Assembly assembly) {
        this.assembly = assembly;
        this.diag = assembly.diagnostics();
        this.choices = new OpenAiChoices(assembly);
        assembly.responses().resetting(() -> {
            objectSeen = false;
            createdSeen = false;
        });
    }

    @Override
    public void beginChunk() {
        sawChoices = false;
        object.reset();
        systemFingerprint.reset();
        serviceTier.reset();
        hasCreated = false;
        usage = null;
        vendorUsage = null;
    }

    @Override
    public boolean field(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        // null is absent for every field, and settled header fields are not read again: most of a
        // chat chunk. A skipped string is never even decoded.
        if (t == JsonToken.VALUE_NULL || settled(name)) {
            return true;
        }
        if (name == "choices") {
            sawChoices = true;
            choices.readChoices(p);
            return true;
        }
        if (name == "id" || name == "model") {
            if (t != JsonToken.VALUE_STRING) {
                throw diag.expected("a string", name);
            }
            String repeated = name == "id" ? assembly.repeatedId() : assembly.repeatedModel();
            if (repeated != null && Utf8Parser.skipIfSame(p, repeated)) {
                return true; // the last chunk's, as nearly every chunk's is: nothing to decode or offer
            }
            if (name == "id") {
                assembly.chunkId(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
                assembly.model(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            return true;
        }
        switch (name) {
            case "object":
                // Needed once, to tell chat from legacy completions; later ones stay undecoded.
                Read.text(p, object, diag, "object");
                objectSeen = object.present();
                return true;
            case "created":
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw diag.expected("an integer", "created");
                }
                hasCreated = true;
                created = p.getLongValue();
                createdSeen = created != 0; // Azure's prompt-filter chunk says 0: wait for a real one
                return true;
            case "system_fingerprint":
                // The first one is kept; unlike id and model, a change is not worth decoding every chunk.
                Read.text(p, systemFingerprint, diag, "system_fingerprint");
                return true;
            case "service_tier":
                Read.text(p, serviceTier, diag, "service_tier");
                return true;
            case "usage":
                if (t != JsonToken.START_OBJECT) {
                    throw diag.expected("an object", "usage");
                }
                usage = JsonValues.read(p);
                return true;
            case "x_groq":
                // Groq reports usage here on the last chunk when the request did not ask for it at the top.
                Map<String, Object> groq = Values.asMap(JsonValues.read(p));
                if (groq != null && groq.get("usage") != null) {
                    vendorUsage = groq.get("usage");
                }
                return true;
            default:
                // Vendors add fields anywhere (prompt_filter_results, model_id, ...); an error beside
                // the choices (OpenRouter) is the reader's to report.
                return false;
        }
    }

    /** Header fields whose first value is kept and is already known, and OpenAI's per-chunk padding. */
    private boolean settled(String name) {
        return name == "obfuscation"
                || (name == "created" && createdSeen)
                || (name == "object" && objectSeen)
                || (name == "system_fingerprint" && assembly.systemFingerprint() != null)
                || (name == "service_tier" && assembly.serviceTier() != null);
    }

    @Override
    public boolean endChunk() {
        if (usage == null) {
            usage = vendorUsage; // the top-level usage wins when both came
        }
        if (!sawChoices && usage == null) {
            return false; // a chunk with neither choices nor usage: nothing to fold
        }
        if (object.contentEquals("text_completion")) {
            assembly.refine(Format.OPENAI_COMPLETION);
        }
        if (hasCreated) {
            assembly.created(created);
        }
        assembly.systemFingerprint(systemFingerprint);
        assembly.serviceTier(serviceTier);
        if (usage != null) {
            Map<String, Object> map = Values.asMap(usage);
            if (map == null) {
                throw diag.unexpected("Expected an object for usage but found " + Values.describe(usage));
            }
            assembly.usage(map);
        }
        return true;
    }
}
