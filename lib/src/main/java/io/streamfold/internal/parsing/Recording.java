package io.streamfold.internal.parsing;

import io.streamfold.AssemblyException;
import io.streamfold.internal.json.Diagnostics;
import java.util.Set;

/** What a llama-stack recording said about itself, to decide at its end whether it held a stream. */
final class Recording {

    /** The top-level keys that make an object a recording rather than a chunk. */
    static final Set<String> KEYS = Set.of("request", "response", "test_id", "id_normalization_mapping");

    /** The keys of a recording's {@code response}; any other first key makes it a Responses event. */
    static boolean isResponseKey(String name) {
        return name.equals("body") || name.equals("is_streaming") || name.equals("status") || name.equals("headers");
    }

    boolean sawResponse;
    boolean sawBody;
    /** The response had a {@code body} key, whatever its value. */
    boolean bodyKey;
    boolean bodyIsObject;
    /** The body was one object, folded as the non-streaming response it is. */
    boolean bodyFolded;
    Boolean streaming;
    /** A fault in a body read before is_streaming said whether it is a stream. */
    RuntimeException deferred;
    /** A body that is no list, reported only if the recording says it streamed. */
    AssemblyException bodyFault;

    /**
     * The body is an object or null: a non-streaming recording, unless the recording says it
     * streamed; then the located fault, now or when is_streaming comes after the body.
     */
    void bodyNotAList(AssemblyException fault, boolean isObject) {
        if (Boolean.TRUE.equals(streaming)) {
            throw fault;
        }
        bodyFault = fault;
        bodyIsObject = isObject;
        sawBody = isObject;
    }

    /**
     * At the recording's end: what it held, or why it held no stream. A recording is told by any
     * of its keys, so one without {@code response}, or whose response has no {@code body}, is
     * damaged (a key misspelt), not "no stream".
     */
    void conclude(Diagnostics diag) {
        if (Boolean.TRUE.equals(streaming) && bodyFault != null) {
            throw bodyFault;
        }
        if (!sawResponse) {
            throw diag.unexpected("Expected a response in the recording but found none: is its key misspelt?");
        }
        if (!sawBody && !bodyKey) {
            throw diag.unexpected("Expected a body in the recording's response but found none: is its key misspelt?");
        }
        if (Boolean.FALSE.equals(streaming) && !bodyFolded) {
            throw new NotAStreamException("a non-streaming recording (is_streaming: false) whose body is no response");
        }
        if (bodyIsObject && !bodyFolded) {
            throw new NotAStreamException("a non-streaming recording (response.body is one object, not a list of chunks)");
        }
        if (!sawBody) {
            throw new NotAStreamException("the recording has no response.body");
        }
        if (deferred != null) {
            throw deferred;
        }
    }
}
