package io.streamfold;

import java.util.Locale;

/**
 * Something streamfold noticed or repaired while folding, without failing: a truncated stream,
 * tool-call arguments that are not JSON, or a provider quirk a folding rule absorbed.
 *
 * @param code what happened; its {@link Code#id() id} is stable and kebab-case
 * @param chunk the 1-based chunk where it happened, or 0 when it concerns the whole stream
 * @param message what happened, in words
 */
public record Warning(Code code, int chunk, String message) {

    /** What a warning is about. The catalogue, with what each means, is in docs/FORMATS.md. */
    public enum Code {
        /** The stream ended without a finish (or before any choice). */
        TRUNCATED,
        /** A tool call's arguments, as a whole, are not valid JSON. */
        INVALID_ARGUMENTS,
        /** The provider reported an error in the stream; see {@link Completion#error()}. */
        PROVIDER_ERROR,
        /** A Responses final response disagrees with what the deltas built; the final one is kept. */
        STREAM_MISMATCH,
        /** A choice received content after its finish reason. */
        CHUNK_AFTER_FINISH,
        /** A chunk had none of the format's fields. */
        UNRECOGNIZED_CHUNK,
        /** An event of an unknown type was skipped. */
        UNKNOWN_EVENT,
        /** A delta of an unknown type was skipped. */
        UNKNOWN_DELTA,
        /** The response id changed mid-stream; the first is kept. */
        ID_CHANGED,
        /** The model changed mid-stream; the first is kept. */
        MODEL_CHANGED,
        /** The system fingerprint changed mid-stream; the first is kept. */
        SYSTEM_FINGERPRINT_CHANGED,
        /** The service tier changed mid-stream; the first is kept. */
        SERVICE_TIER_CHANGED,
        /** Chat rule 1: a fragment at a tool-call index carried a new id and started a new call. */
        TOOL_CALL_NEW_ID_AT_INDEX,
        /** Chat rule 2: a fragment without an index joined the call with its id. */
        TOOL_CALL_JOINED_BY_ID,
        /** Chat rule 2: a fragment with neither index nor id joined the last call. */
        TOOL_CALL_JOINED_LAST,
        /** Chat rule 4: a fragment repeated the call's name. */
        TOOL_CALL_REPEATED_NAME,
        /** Chat rule 4: a fragment extended the call's name. */
        TOOL_CALL_NAME_IN_PIECES,
        /** Chat rule 7: a fragment with an empty id and nothing else was skipped. */
        TOOL_CALL_EMPTY_ID_SENTINEL,
        /** Arguments arrived for a call after the next call had started. */
        TOOL_CALL_RESUMED,
        /** Chat tool-call arguments arrived as JSON, not as a string. */
        ARGUMENTS_NOT_STRING,
        /** A chat choice without an index was folded as choice 0. */
        CHOICE_WITHOUT_INDEX,
        /** A chat choice carried a text different from its delta's content. */
        CHOICE_TEXT_DIFFERS,
        /** Chat {@code reasoning} and {@code reasoning_content} disagreed. */
        REASONING_FIELDS_DIFFER,
        /** A chat content part of a kind streamfold does not fold was kept as it is. */
        CONTENT_PART_SKIPPED,
        /** An Anthropic block started again at an index already in use. */
        BLOCK_RESTARTED,
        /** An Anthropic delta arrived for a block that never started. */
        BLOCK_WITHOUT_START,
        /** A Responses event referred to an output item that was never added. */
        ITEM_WITHOUT_START,
        /** An Interactions delta arrived for an output that never started. */
        OUTPUT_WITHOUT_START,
        /** A Gemini streamed argument's path could not be placed. */
        PARTIAL_ARG_UNPLACED,
        /** A Gemini streamed argument came without a path. */
        PARTIAL_ARG_WITHOUT_PATH;

        private final String id;

        Code() {
            this.id = name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The stable, kebab-case name: {@code truncated}, {@code tool-call-new-id-at-index}. */
        public String id() {
            return id;
        }

        /**
         * Returns the code with this id ({@code "stream-mismatch"}) or constant name
         * ({@code "STREAM_MISMATCH"}), ignoring case.
         *
         * @throws IllegalArgumentException when there is none
         */
        public static Code of(String id) {
            for (Code code : values()) {
                if (code.id.equalsIgnoreCase(id) || code.name().equalsIgnoreCase(id)) {
                    return code;
                }
            }
            throw new IllegalArgumentException("Unknown warning code '" + id + "'");
        }

        @Override
        public String toString() {
            return id;
        }
    }

    @Override
    public String toString() {
        return chunk > 0 ? code.id() + " (chunk " + chunk + "): " + message : code.id() + ": " + message;
    }
}
