package io.streamfold;

/**
 * One way two completions differ ({@link Completion#diff(Completion)}).
 *
 * <p>{@code path} is a JSON pointer (RFC 6901) into the completions' provider-neutral JSON
 * ({@link Completion#toNeutralJson()}), such as {@code /tool_calls/1/arguments/location} or
 * {@code /text}. The values are plain JSON values: {@code String}, a {@code Number},
 * {@code Boolean}, {@code List}, {@code Map}, or null (JSON null, or absent when {@code what}
 * says {@code added} or {@code removed}).
 *
 * @param what what differs, for people: {@code changed}, {@code added}, {@code removed}, or, for
 *     text compared by words, {@code words changed at word 12} (and the like)
 * @param path the JSON pointer of the value that differs
 * @param expected the value in the completion {@code diff} was called on (the old one)
 * @param actual the value in the other completion (the new one)
 */
public record Difference(String what, String path, Object expected, Object actual) {

    /** {@return {@code path: what: expected -> actual}, on one line} */
    @Override
    public String toString() {
        return path + ": " + what + ": " + io.streamfold.internal.diff.Show.value(expected) + " -> "
                + io.streamfold.internal.diff.Show.value(actual);
    }
}
