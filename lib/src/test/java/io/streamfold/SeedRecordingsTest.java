package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** The five seeds: expected values read by hand from each recording's chunks. */
class SeedRecordingsTest {

    @Test
    void seed000FoldsTwoParallelWebSearchCalls() {
        Completion c = TestRecordings.assemble("seeds/000_4f3d0a612d65cd5e.json");

        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.id()).isEqualTo("chatcmpl-CEJ2cd6A9qlYP9v8wVBcUK9Qt6M3R");
        assertThat(c.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(c.created()).isEqualTo(1757525822L);
        assertThat(c.systemFingerprint()).isEqualTo("fp_1827dd0c55");
        assertThat(c.serviceTier()).isEqualTo("default");
        assertThat(c.rawFinishReason()).isEqualTo("tool_calls");
        assertThat(c.message().role()).isEqualTo("assistant");
        assertThat(c.message().content()).as("a tool-call-only message has no content").isNull();
        assertThat(c.message().toolCalls())
                .extracting(ToolCall::index, ToolCall::id, ToolCall::type, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple(0, "call_HT5dvfaVabEqkflhFw2ASvdC", "function", "web_search",
                                "{\"query\": \"Llama 4 Maverick model number of experts\"}"),
                        tuple(1, "call_TqHHWM2eIYHmd9lS7pfxAuaT", "function", "web_search",
                                "{\"query\": \"Llama 4 Maverick experts architecture\"}"));
        assertThat(c.usage()).isNull();
        assertThat(c.chunkCount()).isEqualTo(26);
        assertThat(c.incomplete()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void seed001FoldsTwoWeatherCalls() {
        Completion c = TestRecordings.assemble("seeds/001_b46980ad0094c70c.json");

        assertThat(c.rawFinishReason()).isEqualTo("tool_calls");
        assertThat(c.message().content()).isNull();
        assertThat(c.message().toolCalls())
                .extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
                .containsExactly(
                        tuple("call_kErWvJer6QCWVob8g1QyrJw1", "get_weather", "{\"location\": \"San Francisco, USA\"}"),
                        tuple("call_luCJXv7NoR73lVYKKvgETic8", "get_weather", "{\"location\": \"Los Angeles, USA\"}"));
        assertThat(c.systemFingerprint()).isEqualTo("fp_f33640a400");
        assertThat(c.usage()).isNull();
    }

    @Test
    void seed002FoldsText() {
        Completion c = TestRecordings.assemble("seeds/002_f3c450e043c4a2e1.json");

        assertThat(c.message().content())
                .isEqualTo("The Llama 4 Maverick model features a mixture-of-experts (MoE) architecture with 128 experts.");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(c.message().toolCalls()).isEmpty();
        assertThat(c.id()).isEqualTo("rec-d5c0478a7387");
        assertThat(c.created()).isZero();
        assertThat(c.usage()).isNull();
    }

    @Test
    void seed003FoldsTheMultiTurnImageAnswer() {
        Completion c = TestRecordings.assemble("seeds/003_70bfb0971b4e1650.json");

        assertThat(c.message().content()).isEqualTo("THE PLANET WITH RINGS AROUND IT AND A NAME STARTING WITH THE LETTER "
                + "\"S\" IS SATURN. SATURN IS WELL-KNOWN FOR ITS PROMINENT RING SYSTEM.");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(c.chunkCount()).isEqualTo(42);
    }

    @Test
    void seed004FoldsText() {
        Completion c = TestRecordings.assemble("seeds/004_7496b14b20f27abf.json");

        assertThat(c.message().content()).isEqualTo("Llamas are primarily found in Peru, on the continent of South America.");
        assertThat(c.rawFinishReason()).isEqualTo("stop");
        assertThat(c.message().refusal()).isNull();
        assertThat(c.message().reasoning()).isNull();
    }
}
