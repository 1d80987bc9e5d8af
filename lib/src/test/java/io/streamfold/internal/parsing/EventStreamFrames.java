package io.streamfold.internal.parsing;

import java.io.IOException;
import java.nio.file.Path;

/** Binary event-stream frames of a decoded JSON Lines sample, for tests outside this package. */
public final class EventStreamFrames {

    private EventStreamFrames() {
    }

    /** The sample's events framed as Bedrock sends them (each payload padded with "p"). */
    public static byte[] of(Path sample) throws IOException {
        return EventStreamDecoderTest.concat(EventStreamDecoderTest.framesOf(sample));
    }

    /** The byte length of the first message of some frames. */
    public static int lengthOfFirst(byte[] frames) {
        return ((frames[0] & 0xFF) << 24) | ((frames[1] & 0xFF) << 16) | ((frames[2] & 0xFF) << 8) | (frames[3] & 0xFF);
    }
}
