/**
 * streamfold: folds recorded LLM streaming responses back into complete, typed messages.
 *
 * <p>The API is the package {@link io.streamfold}; start with {@link io.streamfold.ChunkAssembler}.
 * Its only required dependency is jackson-core, which it uses inside: no Jackson type is part of the API.
 * jackson-dataformat-yaml is optional: with it on the class path, YAML cassettes (VCR) are read too.
 */
module io.streamfold {
    requires com.fasterxml.jackson.core;
    // YAML cassettes only: optional at run time, see io.streamfold.internal.capture.YamlTrees
    requires static com.fasterxml.jackson.dataformat.yaml;
    requires static org.yaml.snakeyaml;

    exports io.streamfold;
}
