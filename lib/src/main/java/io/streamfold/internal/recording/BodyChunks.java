package io.streamfold.internal.recording;

import com.fasterxml.jackson.core.JsonFactory;
import io.streamfold.internal.parsing.EventStreamDecoder;
import io.streamfold.internal.parsing.InputKind;
import io.streamfold.internal.parsing.SsePayloads;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Splits a streamed body, fed as its bytes arrive, into its chunks: raw SSE (through the
 * assembler's own SSE filter), JSON Lines or a streamed JSON array, or Amazon's binary event
 * stream (through the assembler's decoder), told apart from the first bytes as the assembler
 * tells them.
 */
final class BodyChunks {

    private final ChunkCopier copier;
    private byte[] head = new byte[64];
    private int headLength;
    private InputKind kind;
    private SsePayloads sse;
    private EventStreamDecoder eventStream;

    BodyChunks(JsonFactory factory, ChunkCopier.Sink sink, String normalisedId) throws IOException {
        this.copier = new ChunkCopier(factory, sink, normalisedId);
    }

    int chunks() {
        return copier.chunks();
    }

    boolean insideChunk() {
        return copier.insideChunk();
    }

    void feed(byte[] bytes, int offset, int length) throws IOException {
        if (kind == null) {
            if (headLength + length > head.length) {
                head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + length));
            }
            System.arraycopy(bytes, offset, head, headLength, length);
            headLength += length;
            decide(false);
            return;
        }
        pass(bytes, offset, length);
    }

    void finish() throws IOException {
        if (kind == null) {
            decide(true);
        }
        if (sse != null) {
            int n = sse.finish(); // before bytes(): the filter may grow its buffer
            copier.feed(sse.bytes(), 0, n);
        }
        if (eventStream != null) {
            eventStream.finish();
        }
        copier.finish();
    }

    private void decide(boolean complete) throws IOException {
        InputKind decided = InputKind.decide(head, headLength, complete);
        if (decided == null) {
            return;
        }
        kind = decided;
        if (kind == InputKind.SSE) {
            sse = new SsePayloads();
        } else if (kind == InputKind.EVENT_STREAM) {
            eventStream = new EventStreamDecoder(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    copier.feed(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    copier.feed(b, off, len);
                }
            });
        }
        byte[] start = head;
        head = null;
        pass(start, 0, headLength);
    }

    private void pass(byte[] bytes, int offset, int length) throws IOException {
        if (sse != null) {
            int n = sse.filter(bytes, offset, length); // before bytes(): the filter may grow its buffer
            copier.feed(sse.bytes(), 0, n);
        } else if (eventStream != null) {
            eventStream.feed(bytes, offset, length);
        } else {
            copier.feed(bytes, offset, length); // JSON, and what is no stream: the parser says why
        }
    }
}
