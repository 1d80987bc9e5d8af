package io.streamfold.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How a chunk's format is told from its fields, in any key order, and how the fields read before
 * the one that tells are folded and located; values of the wrong shape never lose the parser's place.
 */
class ChunkSniffingTest {

    private static Completion fold(String jsonLines) {
        return ChunkAssembler.assemble(jsonLines.getBytes(StandardCharsets.UTF_8));
    }

    private static AssemblyException failure(String jsonLines) {
        return catchThrowableOfType(AssemblyException.class, () -> fold(jsonLines));
    }

    @Test
    void anEventWhoseTypeComesLastIsToldByItsType() {
        Completion c = fold("""
                {"message":{"id":"msg_1","model":"claude","role":"assistant","content":[],"usage":{"input_tokens":3}},"type":"message_start"}
                {"content_block":{"type":"text","text":""},"index":0,"type":"content_block_start"}
                {"delta":{"text":"Hi","type":"text_delta"},"index":0,"type":"content_block_delta"}
                {"delta":{"stop_reason":"end_turn"},"type":"message_delta","usage":{"output_tokens":1}}
                {"type":"message_stop"}
                """);
        assertThat(c.format()).hasToString("anthropic.messages");
        assertThat(c.id()).isEqualTo("msg_1");
        assertThat(c.message().content()).isEqualTo("Hi");
        assertThat(c.incomplete()).isFalse();
    }

    @Test
    void headerFieldsBeforeChoicesAreFoldedOnceTheFormatIsKnown() {
        Completion c = fold("""
                {"id":"c1","created":1700000000,"model":"gpt","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}
                {"id":"c1","created":1700000000,"model":"gpt","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}
                """);
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.id()).isEqualTo("c1");
        assertThat(c.created()).isEqualTo(1700000000L);
        assertThat(c.systemFingerprint()).isEqualTo("fp_1");
        assertThat(c.message().content()).isEqualTo("Hello");
        assertThat(c.streamed()).isTrue();
    }

    @Test
    void aChunkIsToldByItsObjectWhenItsChoicesKeyIsDamaged() {
        Completion c = fold("""
                {"id":"c1","object":"chat.completion.chunk","choics":[{"index":0,"delta":{"content":"lost"}}]}
                {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"kept"},"finish_reason":"stop"}]}
                """);
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.message().content()).isEqualTo("kept");
    }

    @Test
    void aWrongTypeInAFieldReadBeforeTheFormatWasKnownIsLocatedAtThatField() {
        AssemblyException e = failure("""
                {"id": 42, "object":"chat.completion.chunk","choices":[]}
                """);
        Problem p = e.problem();
        assertThat(p.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(p.message()).contains("Expected a string for id but found a number (42)");
        assertThat(p.chunk()).isEqualTo(1);
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(8);
        assertThat(p.path()).isEqualTo("$.id");
    }

    @Test
    void aChunkOfAnotherFormatInAStreamIsAnErrorThatNamesBoth() {
        AssemblyException e = failure("""
                {"type":"message_start","message":{"id":"m","role":"assistant","content":[]}}
                {"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}]}
                """);
        assertThat(e.problem().message()).contains("Expected a anthropic.messages chunk but found a openai.chat chunk");
        assertThat(e.problem().chunk()).isEqualTo(2);
    }

    @Test
    void anEventTypeOfAnotherFormatIsAnError() {
        AssemblyException e = failure("""
                {"type":"message_start","message":{"id":"m","role":"assistant","content":[]}}
                {"type":"response.created","response":{"id":"r"}}
                """);
        assertThat(e.problem().message()).contains("found a openai.responses chunk");
        assertThat(e.problem().chunk()).isEqualTo(2);
    }

    @Test
    void aFieldSharedWithAnotherFormatBesideTheChoicesIsAVendorField() {
        // watsonx sends model_version, a Gemini field, beside its choices
        Completion c = fold("""
                {"id":"c1","model_version":"2024-01","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}
                """);
        assertThat(c.format()).hasToString("openai.chat");
        assertThat(c.message().content()).isEqualTo("ok");
    }

    @Test
    void anErrorFieldBeforeTheFormatIsKnownIsStillTheProvidersError() {
        Completion c = fold("""
                {"error":{"message":"overloaded","code":529},"id":"c1","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"error"}]}
                """);
        assertThat(c.message().content()).isEqualTo("x");
        assertThat(c.extra()).containsKey("error");
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message()).contains("overloaded"));
    }

    @Test
    void aStatusSentAsAnObjectDoesNotLoseTheParsersPlace() {
        Completion c = fold("""
                {"event_type":"interaction.start","interaction":{"id":"i1","model":"gemini"}}
                {"event_type":"interaction.status_update","status":{"state":"running","detail":{"step":1}}}
                {"event_type":"content.start","index":0,"content":{"type":"text"}}
                {"event_type":"content.delta","index":0,"delta":{"type":"text","text":"after"}}
                {"event_type":"content.stop","index":0}
                {"event_type":"interaction.complete","interaction":{"id":"i1","status":"completed"}}
                """);
        assertThat(c.message().content()).isEqualTo("after");
        assertThat(c.chunkCount()).isEqualTo(6);
    }

    @Test
    void aThoughtFlagSentAsAnObjectIsKeptAndTheNextPartsStillFold() {
        Completion c = fold("""
                {"candidates":[{"index":0,"content":{"role":"model","parts":[{"text":"a","thought":{"odd":[1,{"x":2}]}},{"text":"b"}]}}]}
                {"candidates":[{"index":0,"content":{"role":"model","parts":[{"text":"c"}]},"finishReason":"STOP"}]}
                """);
        assertThat(c.message().content()).isEqualTo("abc");
        assertThat(c.chunkCount()).isEqualTo(2);
    }

    @Test
    void aGivenFormatSkipsSniffing() {
        Completion c = ChunkAssembler.assemble("""
                {"id":"c1","choices":[{"index":0,"text":"legacy","finish_reason":"stop"}]}
                """.getBytes(StandardCharsets.UTF_8), AssemblerOptions.defaults().withFormat(Format.OPENAI_COMPLETION));
        assertThat(c.format()).hasToString("openai.completion");
        assertThat(c.message().content()).isEqualTo("legacy");
    }
}
