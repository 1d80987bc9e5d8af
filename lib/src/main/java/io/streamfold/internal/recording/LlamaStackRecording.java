package io.streamfold.internal.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes a llama-stack-style recording as the stream arrives: the request and the opening of
 * {@code response.body} first, each chunk as it completes (one compact line each, flushed, so a
 * recorder that dies mid-stream leaves the chunks so far), and {@code is_streaming: true} and the
 * closing brackets at the end. The shape is the one llama-stack's recorder writes and streamfold
 * reads: {@code {"test_id"?, "request": {method, url, headers, body, endpoint, model?},
 * "response": {"body": [chunk, ...], "is_streaming": true}, "id_normalization_mapping": {}}}.
 */
public final class LlamaStackRecording implements AutoCloseable {

    private final JsonGenerator out;
    private final BodyChunks body;
    private final JsonFactory factory;

    /**
     * Writes the request and opens the body.
     *
     * @param normalise whether chunks' ids become {@code rec-<hash of the request>}, their
     *     {@code created} 0, Ollama's {@code created_at} the epoch and its durations 0
     */
    public LlamaStackRecording(JsonFactory factory, OutputStream stream, String method, String url, String requestBody,
            String testId, boolean normalise) throws IOException {
        this.factory = factory;
        this.out = factory.createGenerator(stream).useDefaultPrettyPrinter();
        String id = normalise ? "rec-" + hash(method, url, requestBody, testId) : null;
        this.body = new BodyChunks(factory, this::chunk, id);
        out.writeStartObject();
        if (testId != null) {
            out.writeStringField("test_id", testId);
        }
        out.writeObjectFieldStart("request");
        out.writeStringField("method", method);
        out.writeStringField("url", url);
        out.writeObjectFieldStart("headers");
        out.writeEndObject();
        out.writeFieldName("body");
        String model = writeBody(requestBody);
        out.writeStringField("endpoint", endpoint(url));
        if (model != null) {
            out.writeStringField("model", model);
        }
        out.writeEndObject();
        out.writeObjectFieldStart("response");
        out.writeArrayFieldStart("body");
        out.flush();
    }

    /** The bytes of the streamed body, split anywhere. */
    public void feed(byte[] bytes, int offset, int length) throws IOException {
        body.feed(bytes, offset, length);
    }

    /** How many chunks are written. */
    public int chunks() {
        return body.chunks();
    }

    /**
     * Ends the body and the recording, and closes the stream.
     *
     * @throws IOException after closing it, when the stream ended inside a chunk (that chunk is
     *     not in the recording) or its bytes were not a stream
     */
    @Override
    public void close() throws IOException {
        IOException fault = null;
        try {
            body.finish();
        } catch (IOException e) {
            fault = e;
        }
        boolean cut = body.insideChunk();
        out.writeEndArray();
        out.writeBooleanField("is_streaming", true);
        out.writeEndObject();
        out.writeObjectFieldStart("id_normalization_mapping");
        out.writeEndObject();
        out.writeEndObject();
        out.close();
        if (cut) {
            throw new IOException("The stream ended inside chunk " + (body.chunks() + 1) + "; the recording holds the "
                    + body.chunks() + " chunks before it", fault);
        }
        if (fault != null) {
            throw new IOException("The recording holds the " + body.chunks() + " chunks before the stream's fault: "
                    + fault.getMessage(), fault);
        }
    }

    private void chunk(byte[] json, int length) throws IOException {
        out.writeRawValue(new String(json, 0, length, StandardCharsets.UTF_8));
        out.flush();
    }

    /** Copies the request body (JSON, or else a string) and returns its top-level {@code model}. */
    private String writeBody(String requestBody) throws IOException {
        if (requestBody == null || requestBody.isBlank()) {
            out.writeNull();
            return null;
        }
        String model = null;
        try (JsonParser p = factory.createParser(requestBody)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().getParent().inRoot() && "model".equals(p.currentName())
                        && p.nextToken() == JsonToken.VALUE_STRING) {
                    model = p.getText();
                }
            }
        } catch (IOException e) {
            out.writeString(requestBody); // not JSON: kept as it was sent
            return null;
        }
        try (JsonParser p = factory.createParser(requestBody)) {
            p.nextToken();
            out.copyCurrentStructure(p);
        }
        return model;
    }

    private static String endpoint(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Twelve hex digits of the SHA-256 of the request: the same request gets the same ids. */
    private static String hash(String method, String url, String requestBody, String testId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key = method + ' ' + endpoint(url) + '\n' + requestBody + '\n' + testId;
            byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
