/**
 * streamfold: folds recorded LLM streaming responses back into complete, typed messages.
 *
 * <p>The API is the package {@link io.streamfold}; start with {@link io.streamfold.ChunkAssembler}.
 * Its only dependency is jackson-core, which it uses inside: no Jackson type is part of the API.
 * {@link io.streamfold.http} folds live {@code java.net.http} responses, with the JDK's client alone.
 */
module io.streamfold {
    requires com.fasterxml.jackson.core;
    requires transitive java.net.http; // its types are in the API of io.streamfold.http

    exports io.streamfold;
    exports io.streamfold.http;
}
