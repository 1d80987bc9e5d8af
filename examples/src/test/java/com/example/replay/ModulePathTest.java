package com.example.replay;

import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.assertj.Recordings;
import io.streamfold.assertj.StreamfoldAssertions;
import java.nio.file.Path;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * Runs on the module path only (the module-path execution in pom.xml): the library and its
 * assertions are named modules, and the library's internals are closed to this one.
 */
class ModulePathTest {

    @Test
    void streamfoldAndItsAssertionsAreNamedModules() {
        assertThat(ModulePathTest.class.getModule().getName()).isEqualTo("com.example.replay");
        assertThat(ChunkAssembler.class.getModule().getName()).isEqualTo("io.streamfold");
        assertThat(StreamfoldAssertions.class.getModule().getName()).isEqualTo("io.streamfold.assertj");
        assertThat(ChunkAssembler.class.getModule().getDescriptor().requires())
                .anySatisfy(r -> assertThat(r.name()).isEqualTo("com.fasterxml.jackson.core"));
    }

    @Test
    void onlyTheApiIsExported() {
        Module streamfold = ChunkAssembler.class.getModule();

        assertThat(streamfold.getDescriptor().exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.streamfold", "io.streamfold.http");
        assertThat(streamfold.getPackages()).contains("io.streamfold.internal.parsing");
        assertThatThrownBy(() -> Class.forName("io.streamfold.internal.parsing.Parsers").getMethod("factory",
                Class.forName("io.streamfold.AssemblerOptions")).invoke(null, (Object) null))
                .isInstanceOf(IllegalAccessException.class);
    }

    @Test
    void theAssertionsWorkOnTheModulePath() {
        assertThatRecording(Recordings.in(Path.of("src/test/resources/recordings")).resolve("openai-weather-two-cities.json"))
            .hasFinishReason("tool_calls")
            .toolCall(0)
                .hasArgument("location", "San Francisco, USA");
    }
}
