package io.streamfold.internal.capture;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streamfold.AssemblerOptions;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one class that touches jackson-dataformat-yaml, an optional dependency: it is loaded only
 * after {@link YamlSupport#check} found the artifact on the class path.
 */
final class YamlTrees {

    private YamlTrees() {
    }

    /** A parser over a YAML document, with the options' limits (SnakeYAML's own 3 MB limit lifted). */
    static JsonParser parser(byte[] bytes, AssemblerOptions options) throws IOException {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(Integer.MAX_VALUE);
        loader.setNestingDepthLimit(options.maxNestingDepth());
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxNestingDepth())
                        .maxStringLength(options.maxStringLength())
                        .maxNumberLength(options.maxNumberLength())
                        .build())
                .build();
        return factory.createParser(bytes);
    }
}
