package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cohere's v1 chat stream has an {@code event_type} like Gemini Interactions: it is told apart, and refused with a hint. */
class CohereV1Test {

    private static final String V1 = """
            {"is_finished":false,"event_type":"stream-start","generation_id":"6f1b6e0c-3c2a-4c55-9d2c-1e1f0f6c9a11"}
            {"is_finished":false,"event_type":"text-generation","text":"Hello"}
            {"is_finished":true,"event_type":"stream-end","finish_reason":"COMPLETE","response":{"text":"Hello"}}
            """;

    @Test
    void aV1StreamIsNotReadAsInteractionsAndTheErrorSaysWhatItIs() {
        AssemblyException lines = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.assemble(V1.getBytes(StandardCharsets.UTF_8)));
        String sse = "data: " + String.join("\n\ndata: ", V1.strip().split("\n")) + "\n\n";
        AssemblyException events = catchThrowableOfType(AssemblyException.class,
                () -> ChunkAssembler.assemble(sse.getBytes(StandardCharsets.UTF_8)));

        assertThat(lines.getMessage()).contains("Cohere's v1 chat stream", "stream-start", "/v2/chat");
        assertThat(events.getMessage()).contains("Cohere's v1 chat stream", "stream-start");
        assertThat(events.problem().chunk()).isEqualTo(1);
    }

    @Test
    void interactionsEventsStillTellTheirFormat() {
        String interactions = "data: {\"interaction\":{\"id\":\"v1\",\"status\":\"in_progress\",\"model\":\"gemini\"},"
                + "\"event_type\":\"interaction.start\"}\n\n";

        assertThat(ChunkAssembler.assemble(interactions.getBytes(StandardCharsets.UTF_8)).format())
                .isEqualTo(Format.GEMINI_INTERACTIONS);
    }
}
