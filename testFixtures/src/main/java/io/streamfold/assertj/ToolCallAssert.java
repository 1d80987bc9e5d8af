package io.streamfold.assertj;

import io.streamfold.ToolCall;

/**
 * Assertions on a {@link ToolCall}; see {@link AbstractToolCallAssert}. Reached with
 * {@link AbstractMessageHolderAssert#toolCall(int)} or {@link AbstractMessageHolderAssert#toolCall(String)},
 * or made with {@link StreamfoldAssertions#assertThat(ToolCall)}.
 */
public class ToolCallAssert extends AbstractToolCallAssert<ToolCallAssert, ToolCall> {

    /**
     * Creates an assertion on a tool call; prefer {@link StreamfoldAssertions#assertThat(ToolCall)}.
     *
     * @param actual the tool call to check, or null
     */
    public ToolCallAssert(ToolCall actual) {
        super(actual, ToolCallAssert.class);
    }
}
