package io.streamfold.internal.parsing;

/**
 * The input's first root object, read as a chunk because its first key is no recording's, turned
 * out to be a recording by a later key: the container reads on from that key as a recording.
 */
final class RecordingAfterAll extends RuntimeException {

    /** The parser stands on the first key inside the recording's {@code response}, not on a root key. */
    final boolean insideResponse;

    RecordingAfterAll(boolean insideResponse) {
        super(null, null, false, false);
        this.insideResponse = insideResponse;
    }
}
