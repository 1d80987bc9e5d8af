package io.streamfold.assertj;

import io.streamfold.Message;

/**
 * Assertions on a {@link Message}; see {@link AbstractMessageAssert} and
 * {@link AbstractMessageHolderAssert}. Made with {@link StreamfoldAssertions#assertThat(Message)}.
 */
public class MessageAssert extends AbstractMessageAssert<MessageAssert, Message> {

    /**
     * Creates an assertion on a message; prefer {@link StreamfoldAssertions#assertThat(Message)}.
     *
     * @param actual the message to check, or null
     */
    public MessageAssert(Message actual) {
        super(actual, MessageAssert.class);
    }
}
