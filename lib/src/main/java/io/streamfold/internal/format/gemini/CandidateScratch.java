package io.streamfold.internal.format.gemini;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One candidate of one chunk, reused. */
final class CandidateScratch {
    int index;
    String role;
    String finishReason;
    final List<PartScratch> parts = new ArrayList<>();
    int partCount;
    Map<String, Object> extra;

    void reset() {
        index = -1;
        role = null;
        finishReason = null;
        partCount = 0;
        extra = null;
    }

    PartScratch nextPart() {
        if (partCount == parts.size()) {
            parts.add(new PartScratch());
        }
        PartScratch part = parts.get(partCount++);
        part.reset();
        return part;
    }

    void extra(String name, Object value) {
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        extra.put(name, value);
    }
}
