/**
 * AssertJ assertions for completions that streamfold assembled from recorded streams; start with
 * {@link io.streamfold.assertj.StreamfoldAssertions}.
 */
module io.streamfold.assertj {
    requires transitive io.streamfold;
    requires transitive org.assertj.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports io.streamfold.assertj;
}
