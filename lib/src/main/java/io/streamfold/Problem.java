package io.streamfold;

/**
 * A fault in the input, with where it is. Strict assembly throws it as an
 * {@link AssemblyException}; lenient assembly lists it in {@link Completion#problems()} and returns
 * what was folded before it.
 *
 * @param kind what sort of fault
 * @param message what was expected and what was found, without the location
 * @param source the file name, or a description of the input, or null when unknown
 * @param chunk the 1-based chunk number, or 0 when outside any chunk
 * @param line the 1-based line, or -1 when unknown
 * @param column the 1-based column (bytes for byte input, as Jackson counts), or -1 when unknown
 * @param byteOffset the 0-based byte offset in the input, or -1 when unknown
 * @param path the JSON path of the field inside the chunk, such as
 *     {@code $.choices[0].delta.content}, or null when not inside a chunk
 */
public record Problem(Kind kind, String message, String source, int chunk, long line, long column, long byteOffset,
        String path) {

    /** What sort of fault a problem is. */
    public enum Kind {
        /** Not valid JSON, or not a valid container (SSE, JSON Lines): the input is damaged. */
        MALFORMED,
        /** Valid JSON whose shape is not what the format allows: a wrong type, a missing field. */
        UNEXPECTED,
        /** A configured limit was hit (nesting depth, string or number length). */
        LIMIT,
        /** The input could not be read. */
        IO,
        /**
         * Valid JSON that holds no stream: a non-streaming recording ({@code is_streaming: false}),
         * or JSON that is not a recording at all. The CLI reports these as skipped.
         */
        NOT_A_STREAM,
        /**
         * A fault of streamfold's own, not of the input: please report it with the recording.
         * Strict assembly throws it too; lenient assembly lists it and returns what was folded.
         */
        INTERNAL
    }

    /** Returns the location as {@code file x, chunk 3, line 4:17, at $.path}, or an empty string. */
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
        }
        if (chunk > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("chunk ").append(chunk);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        } else if (byteOffset >= 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("byte ").append(byteOffset);
        }
        if (path != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("at ").append(path);
        }
        return sb.toString();
    }

    /** Returns the message with its location, as {@link AssemblyException#getMessage()} does. */
    @Override
    public String toString() {
        String location = location();
        return location.isEmpty() ? message : message + " (" + location + ")";
    }
}
