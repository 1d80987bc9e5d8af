package io.streamfold.assertj;

import io.streamfold.Message;
import io.streamfold.ToolCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The assertions on an assistant's message, shared by {@link CompletionAssert} (its first
 * choice's message), {@link ChoiceAssert} and {@link MessageAssert}: content, refusal, reasoning
 * and tool calls, with navigation to a tool call.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the value under test, which holds the message
 */
public abstract class AbstractMessageHolderAssert<SELF extends AbstractMessageHolderAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractStreamfoldAssert<SELF, ACTUAL> {

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractMessageHolderAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The message of a non-null value under test, or null when it has none (a completion without choices). */
    abstract Message messageOf(ACTUAL value);

    /** The message under test; fails when the actual value is null or has no message. */
    private Message checkedMessage() {
        isNotNull();
        Message message = messageOf(actual);
        if (message == null) {
            throw noMessage();
        }
        return message;
    }

    private AssertionError noMessage() {
        return failing(lines("Expecting a message, but the completion has no choices"));
    }

    /**
     * Verifies that the message's content is the given text, exactly; null for no content.
     *
     * @param expected the expected content, or null
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the content differs
     */
    public SELF hasContent(String expected) {
        String content = checkedMessage().content();
        if (!Objects.equals(content, expected)) {
            throw mismatch("content", expected, content);
        }
        return myself;
    }

    /**
     * Verifies that the message has no content: null (the stream never sent any) or empty (it sent
     * only empty strings, as some servers do with tool calls).
     *
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the message has non-empty content
     */
    public SELF hasNoContent() {
        String content = checkedMessage().content();
        if (content != null && !content.isEmpty()) {
            throw failureWithActualExpected(content, null,
                    lines("Expecting no content (null or empty) but was:", "  " + show(content)) + context());
        }
        return myself;
    }

    /**
     * Verifies that the message's content contains each of the given texts.
     *
     * @param values the texts to find, at least one
     * @return this assertion object
     * @throws AssertionError if the actual value is null, the content is null, or a text is not in it
     * @throws IllegalArgumentException if no text is given, or one is null
     */
    public SELF contentContains(String... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("contentContains(): give at least one text to look for");
        }
        for (String value : values) {
            if (value == null) {
                throw new IllegalArgumentException("contentContains(): a text to look for is null");
            }
        }
        String content = checkedMessage().content();
        List<String> expected = Arrays.asList(values);
        if (content == null) {
            throw failing(lines("Expecting content to contain:", "  " + show(expected), "but content was null"));
        }
        List<String> missing = new ArrayList<>();
        for (String value : values) {
            if (!content.contains(value)) {
                missing.add(value);
            }
        }
        if (!missing.isEmpty()) {
            throw failing(lines("Expecting content:", "  " + show(content), "to contain:", "  " + show(expected),
                    "but could not find:", "  " + show(missing)));
        }
        return myself;
    }

    /**
     * Verifies that the message's refusal is the given text, exactly; null for no refusal.
     *
     * @param expected the expected refusal, or null
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the refusal differs
     */
    public SELF hasRefusal(String expected) {
        String refusal = checkedMessage().refusal();
        if (!Objects.equals(refusal, expected)) {
            throw mismatch("refusal", expected, refusal);
        }
        return myself;
    }

    /**
     * Verifies that the model did not refuse: the message's refusal is null.
     *
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the message has a refusal
     */
    public SELF hasNoRefusal() {
        String refusal = checkedMessage().refusal();
        if (refusal != null) {
            throw failureWithActualExpected(refusal, null,
                    lines("Expecting no refusal but was:", "  " + show(refusal)) + context());
        }
        return myself;
    }

    /**
     * Verifies that the message's reasoning (thinking, thoughts, reasoning summaries) is the given
     * text, exactly; null for no reasoning.
     *
     * @param expected the expected reasoning, or null
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the reasoning differs
     */
    public SELF hasReasoning(String expected) {
        String reasoning = checkedMessage().reasoning();
        if (!Objects.equals(reasoning, expected)) {
            throw mismatch("reasoning", expected, reasoning);
        }
        return myself;
    }

    /**
     * Verifies that the message calls no tool.
     *
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the message has tool calls
     */
    public SELF hasNoToolCalls() {
        List<ToolCall> calls = checkedMessage().toolCalls();
        if (!calls.isEmpty()) {
            throw failureWithActualExpected(names(calls), List.of(),
                    lines("Expecting no tool calls but found " + calls.size() + ":", "  " + show(names(calls)))
                            + context());
        }
        return myself;
    }

    /**
     * Verifies the number of tool calls.
     *
     * @param expected the expected number
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the number differs
     */
    public SELF hasToolCallCount(int expected) {
        int count = checkedMessage().toolCalls().size();
        if (count != expected) {
            throw mismatch("number of tool calls", expected, count);
        }
        return myself;
    }

    /**
     * Verifies the names of the tool calls: exactly these, in this order (a name twice for two
     * calls of the same tool). No names means no tool calls.
     *
     * @param expected the expected names, in call order
     * @return this assertion object
     * @throws AssertionError if the actual value is null or the names differ
     */
    public SELF hasToolCallsNamed(String... expected) {
        List<String> names = names(checkedMessage().toolCalls());
        List<String> wanted = expected == null ? List.of() : Arrays.asList(expected);
        if (!names.equals(wanted)) {
            throw mismatch("tool call names", wanted, names);
        }
        return myself;
    }

    /**
     * Navigates to the tool call at this position (0-based, in the order calls first appeared),
     * returning an assertion on it described as this one followed by {@code tool call [index]}.
     *
     * <p>In {@link StreamfoldSoftAssertions}, the returned assertion is soft too, and a missing call
     * is collected as one failure; the assertions chained on the missing call are then skipped.
     *
     * @param index the call's position
     * @return an assertion on the tool call; {@code returnToCompletion()} leads back
     * @throws AssertionError if the actual value is null or there is no call at that position,
     *     listing the calls there are
     */
    public final ToolCallAssert toolCall(int index) {
        String label = "tool call [" + index + "]";
        if (actual == null) {
            return navigationFailed(actualIsNull(), ToolCallAssert.class, ToolCall.class, ToolCallAssert::new, label);
        }
        Message message = messageOf(actual);
        if (message == null) {
            return navigationFailed(noMessage(), ToolCallAssert.class, ToolCall.class, ToolCallAssert::new, label);
        }
        ToolCall call = callAt(message, index);
        if (call == null) {
            return navigationFailed(noCallAt(message, index), ToolCallAssert.class, ToolCall.class,
                    ToolCallAssert::new, label);
        }
        return navigate(ToolCallAssert.class, ToolCall.class, call, ToolCallAssert::new, label);
    }

    /**
     * Navigates to the first tool call with this name, returning an assertion on it described as
     * this one followed by {@code tool call [index] name}.
     *
     * <p>In {@link StreamfoldSoftAssertions}, the returned assertion is soft too, and a missing call
     * is collected as one failure; the assertions chained on the missing call are then skipped.
     *
     * @param name the tool's name
     * @return an assertion on the tool call; {@code returnToCompletion()} leads back
     * @throws AssertionError if the actual value is null or no call has that name, listing the
     *     names there are
     */
    public final ToolCallAssert toolCall(String name) {
        if (actual == null) {
            return navigationFailed(actualIsNull(), ToolCallAssert.class, ToolCall.class, ToolCallAssert::new,
                    "tool call " + name);
        }
        Message message = messageOf(actual);
        if (message == null) {
            return navigationFailed(noMessage(), ToolCallAssert.class, ToolCall.class, ToolCallAssert::new,
                    "tool call " + name);
        }
        ToolCall call = callNamed(message, name);
        if (call == null) {
            return navigationFailed(noCallNamed(message, name), ToolCallAssert.class, ToolCall.class,
                    ToolCallAssert::new, "tool call " + name);
        }
        return navigate(ToolCallAssert.class, ToolCall.class, call, ToolCallAssert::new,
                "tool call [" + call.index() + "] " + name);
    }

    /**
     * Verifies that the message calls a tool the application runs (in
     * {@link Message#toolCalls()}) with this name, and navigates to the first such call, as
     * {@link #toolCall(String)} does.
     *
     * @param name the tool's name
     * @return an assertion on the tool call; {@code returnToCompletion()} leads back
     * @throws AssertionError if the actual value is null or no call has that name, listing the
     *     names there are
     */
    public final ToolCallAssert hasToolCall(String name) {
        return toolCall(name);
    }

    /**
     * Verifies that the provider ran a tool with this name itself (a call in
     * {@link Message#serverToolCalls()}: Anthropic {@code server_tool_use}, Responses
     * {@code web_search_call} named {@code web_search}, ...), and navigates to the first such call.
     *
     * @param name the server tool's name
     * @return an assertion on the server call; {@code returnToCompletion()} leads back
     * @throws AssertionError if the actual value is null or no server call has that name, listing
     *     the names there are
     */
    public final ToolCallAssert hasServerToolCall(String name) {
        String label = "server tool call " + name;
        if (actual == null) {
            return navigationFailed(actualIsNull(), ToolCallAssert.class, ToolCall.class, ToolCallAssert::new, label);
        }
        Message message = messageOf(actual);
        if (message == null) {
            return navigationFailed(noMessage(), ToolCallAssert.class, ToolCall.class, ToolCallAssert::new, label);
        }
        List<ToolCall> servers = message.serverToolCalls();
        for (ToolCall call : servers) {
            if (Objects.equals(call.name(), name)) {
                return navigate(ToolCallAssert.class, ToolCall.class, call, ToolCallAssert::new,
                        "server tool call [" + call.index() + "] " + name);
            }
        }
        String but = servers.isEmpty() ? lines("but there are no server tool calls")
                : lines("but the server tool calls are named:", "  " + show(names(servers)));
        AssertionError error = failureWithActualExpected(names(servers), name,
                lines("Expecting a server tool call named:", "  " + show(name)) + but + context());
        return navigationFailed(error, ToolCallAssert.class, ToolCall.class, ToolCallAssert::new, label);
    }

    /**
     * Verifies that the tool call at this position satisfies the requirements, given as a lambda
     * that receives an assertion on the call: {@code hasToolCallSatisfying(0, call -> call.hasName("web_search"))}.
     *
     * <p>In soft assertions, the whole lambda counts as one assertion, as with AssertJ's
     * {@code satisfies}: its first failure is collected and ends it.
     *
     * @param index the call's position
     * @param requirements the assertions on the call
     * @return this assertion object
     * @throws AssertionError if the actual value is null, there is no call at that position, or
     *     the requirements fail
     */
    public SELF hasToolCallSatisfying(int index, Consumer<? super ToolCallAssert> requirements) {
        Objects.requireNonNull(requirements, "requirements");
        Message message = checkedMessage();
        ToolCall call = callAt(message, index);
        if (call == null) {
            throw noCallAt(message, index);
        }
        requirements.accept(navigate(Navigation.HARD, ToolCallAssert.class, ToolCall.class, call, ToolCallAssert::new,
                "tool call [" + index + "]"));
        return myself;
    }

    /**
     * Verifies that the first tool call with this name satisfies the requirements, given as a
     * lambda that receives an assertion on the call. In soft assertions, the whole lambda counts
     * as one assertion.
     *
     * @param name the tool's name
     * @param requirements the assertions on the call
     * @return this assertion object
     * @throws AssertionError if the actual value is null, no call has that name, or the
     *     requirements fail
     */
    public SELF hasToolCallSatisfying(String name, Consumer<? super ToolCallAssert> requirements) {
        Objects.requireNonNull(requirements, "requirements");
        Message message = checkedMessage();
        ToolCall call = callNamed(message, name);
        if (call == null) {
            throw noCallNamed(message, name);
        }
        requirements.accept(navigate(Navigation.HARD, ToolCallAssert.class, ToolCall.class, call, ToolCallAssert::new,
                "tool call [" + call.index() + "] " + name));
        return myself;
    }

    private static ToolCall callAt(Message message, int index) {
        List<ToolCall> calls = message.toolCalls();
        return index >= 0 && index < calls.size() ? calls.get(index) : null;
    }

    private static ToolCall callNamed(Message message, String name) {
        for (ToolCall call : message.toolCalls()) {
            if (Objects.equals(call.name(), name)) {
                return call;
            }
        }
        return null;
    }

    private AssertionError noCallAt(Message message, int index) {
        List<ToolCall> calls = message.toolCalls();
        String but = calls.isEmpty() ? "but there are no tool calls"
                : "but there " + (calls.size() == 1 ? "is only 1 tool call" : "are only " + calls.size() + " tool calls");
        return failing(lines("Expecting a tool call at index:", "  " + index, but));
    }

    private AssertionError noCallNamed(Message message, String name) {
        List<ToolCall> calls = message.toolCalls();
        String but = calls.isEmpty() ? lines("but there are no tool calls")
                : lines("but the tool calls are named:", "  " + show(names(calls)));
        return failureWithActualExpected(names(calls), name,
                lines("Expecting a tool call named:", "  " + show(name)) + but + context());
    }

    private static List<String> names(List<ToolCall> calls) {
        List<String> names = new ArrayList<>();
        for (ToolCall call : calls) {
            names.add(call.name());
        }
        return names;
    }
}
