package io.streamfold.internal.format;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads and folds the chunks of one stream in one format. A chunk's keys come in any order (an
 * event's {@code type} may come last), so a folder reads each top-level field as it comes and
 * folds what must wait for the others once the chunk ends.
 */
public interface ChunkFolder {

    /** A new chunk begins: forget the last one's fields. */
    void beginChunk();

    /**
     * Reads one top-level field of the chunk; the parser stands on its value. Returns false when
     * the format has no such field (the caller skips it).
     */
    boolean field(JsonParser p, String name) throws java.io.IOException;

    /** Folds the chunk once all its fields are read; false when it held nothing of this format. */
    boolean endChunk() throws IOException;

    /**
     * Whether reading a chunk changes nothing but the folder's scratch for it until
     * {@link #endChunk}: then a read cut short may be done again from the chunk's start.
     */
    default boolean foldsAtEnd() {
        return false;
    }
}
