package io.streamfold;

/**
 * Something streamfold noticed or repaired while folding, without failing: a truncated stream,
 * tool-call arguments that are not JSON, or a provider quirk a folding rule absorbed.
 *
 * @param code a stable, kebab-case name for what happened, such as {@code truncated},
 *     {@code invalid-arguments}, {@code tool-call-new-id-at-index}
 * @param chunk the 1-based chunk where it happened, or 0 when it concerns the whole stream
 * @param message what happened, in words
 */
public record Warning(String code, int chunk, String message) {

    @Override
    public String toString() {
        return chunk > 0 ? code + " (chunk " + chunk + "): " + message : code + ": " + message;
    }
}
