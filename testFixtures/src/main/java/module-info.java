/**
 * AssertJ assertions for completions that streamfold assembled from recorded streams; start with
 * {@link io.streamfold.assertj.StreamfoldAssertions}.
 */
module io.streamfold.assertj {
    requires transitive io.streamfold;
    requires transitive org.assertj.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires static org.junit.jupiter.api;

    exports io.streamfold.assertj;
}
