package io.streamfold.internal.format.gemini;

import io.streamfold.internal.json.CharBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/** One part of one candidate of one chunk. */
final class PartScratch {
    final CharBuf text = new CharBuf();
    boolean thought;
    String signature;
    String signatureKey;
    Map<String, Object> functionCall;
    Map<String, Object> others;

    void reset() {
        text.reset();
        thought = false;
        signature = null;
        signatureKey = null;
        functionCall = null;
        others = null;
    }

    void other(String name, Object value) {
        if (others == null) {
            others = new LinkedHashMap<>();
        }
        others.put(name, value);
    }
}
