package io.streamfold.internal.capture;

/**
 * One HTTP exchange read from a container: the response body's bytes (decoded: base64, gzip and
 * YAML quoting undone) with what the container said beside them.
 *
 * @param index the 0-based position of the interaction, entry or stub in the container; -1 for a file
 *     of one stub, which is no list
 * @param body the response body, or null when the exchange recorded none
 * @param status the HTTP status, or -1 when not recorded
 * @param contentType the response's content type (lower case, without parameters), or null
 * @param method the request's method, or null
 * @param url the request's URL, or null
 * @param where the body's place in the container, as a JSON path ({@code $.interactions[2].response.body.string})
 * @param line the 1-based line where the exchange begins in the container, or -1
 * @param compressed the content encoding the body is still compressed with (br, zstd), or null
 */
record Exchange(int index, byte[] body, int status, String contentType, String method, String url, String where,
        long line, String compressed) {
}
