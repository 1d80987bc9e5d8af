package io.streamfold.assertj.usage;

import static io.streamfold.assertj.StreamfoldAssertions.assertThat;
import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import io.streamfold.assertj.AbstractCompletionAssert;
import io.streamfold.assertj.CompletionAssert;
import io.streamfold.assertj.MessageAssert;
import io.streamfold.assertj.Recordings;
import io.streamfold.assertj.ToolCallAssert;
import io.streamfold.assertj.UsageAssert;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user's test sees, from outside the package: the entry points beside AssertJ's, and assertions of their own. */
class UserCodeTest {

    private static final Path SEED = Recordings.named("seeds/000_4f3d0a612d65cd5e.json");

    @Test
    void bothStaticAssertThatImportsLiveTogether() {
        Completion completion = ChunkAssembler.assemble(SEED);
        CompletionAssert ours = assertThat(completion);
        MessageAssert message = assertThat(completion.message());
        ToolCallAssert call = assertThat(completion.message().toolCalls().get(0));
        UsageAssert none = assertThat(new Usage(1L, 2L, 3L));
        ours.hasFinishReason("tool_calls");
        message.hasToolCallCount(2);
        call.hasName("web_search");
        none.hasTotalTokens(3);
        assertThat(completion.id()).startsWith("chatcmpl-");                 // AssertJ's
        assertThat(completion.message().toolCalls()).hasSize(2);            // AssertJ's
    }

    /** A user's own assertion, extending the abstract class with its two-level generics. */
    static class AgentCompletionAssert extends AbstractCompletionAssert<AgentCompletionAssert, Completion> {

        AgentCompletionAssert(Completion actual) {
            super(actual, AgentCompletionAssert.class);
        }

        AgentCompletionAssert searchesTheWeb() {
            isNotNull();
            if (actual.message().toolCall("web_search").isEmpty()) {
                failWithMessage("Expecting %s to search the web", actual.id());
            }
            return myself;
        }
    }

    @Test
    void assertionsOfYourOwnChainWithTheLibrarys() {
        Completion completion = ChunkAssembler.assemble(SEED);
        new AgentCompletionAssert(completion).searchesTheWeb().hasFinishReason("tool_calls").hasToolCallCount(2)
                .toolCall("web_search").hasArgument("query", "Llama 4 Maverick model number of experts");
        Completion answer = ChunkAssembler.assemble(Recordings.named("seeds/002_f3c450e043c4a2e1.json"));
        assertThatThrownBy(() -> new AgentCompletionAssert(answer).searchesTheWeb())
                .hasMessageContaining("to search the web");
    }

    @Test
    void aToolCallMadeByHandIsAssertedAlike() {
        assertThat(new ToolCall(0, "call_1", "function", "get_weather", "{\"city\": \"Paris\", \"days\": 3}"))
                .hasArgumentsJson("{\"days\": 3, \"city\": \"Paris\"}")
                .parsedArguments().containsEntry("days", 3);
        assertThat(new Message("assistant", "Hi", null, null, List.of())).hasContent("Hi").hasNoToolCalls();
        assertThatRecording(SEED).isComplete();
    }
}
