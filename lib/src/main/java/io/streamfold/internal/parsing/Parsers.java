package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.streamfold.AssemblerOptions;

/** Jackson factories configured from the options' limits; the default one is shared. */
public final class Parsers {

    private static final JsonFactory DEFAULT = create(AssemblerOptions.defaults());

    private Parsers() {
    }

    public static JsonFactory factory(AssemblerOptions options) {
        AssemblerOptions d = AssemblerOptions.defaults();
        if (options.maxNestingDepth() == d.maxNestingDepth() && options.maxStringLength() == d.maxStringLength()
                && options.maxNumberLength() == d.maxNumberLength()) {
            return DEFAULT;
        }
        return create(options);
    }

    private static JsonFactory create(AssemblerOptions options) {
        // No maxDocumentLength: recordings of gigabytes are fine (they are streamed), and the
        // builder's default, unlimited, is what we want; jackson-core 2.15 has no such limit.
        return new LargeReadBuffers(new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxNestingDepth())
                        .maxStringLength(options.maxStringLength())
                        .maxNumberLength(options.maxNumberLength())
                        .build())
                // Python's json module writes NaN and Infinity, and llama-stack recordings come from it.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // Our location replaces Jackson's source excerpt, which 2.15 puts in every message by
                // default (2.16 stopped): the same messages whatever the version and the input's kind.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION));
    }
}
