package io.streamfold.assertj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamfold.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.MapAssert;
import org.assertj.core.description.TextDescription;

/**
 * Assertions on a {@link ToolCall}: its name, id and type, and its arguments as text, as JSON, or
 * one field at a time; {@link #parsedArguments()} goes on with AssertJ's map assertions.
 *
 * @param <SELF> the assertion's own type, returned by its methods
 * @param <ACTUAL> the type of the tool call
 */
public abstract class AbstractToolCallAssert<SELF extends AbstractToolCallAssert<SELF, ACTUAL>, ACTUAL extends ToolCall>
        extends AbstractStreamfoldAssert<SELF, ACTUAL> {

    /**
     * Creates the assertion.
     *
     * @param actual the value under test
     * @param selfType the class of the concrete assertion, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractToolCallAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    @Override
    String context() {
        return block("in tool call", CompletionDescription.of(actual)) + completionContext("of completion");
    }

    /**
     * Verifies the function's name.
     *
     * @param expected the expected name
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null or its name differs
     */
    public SELF hasName(String expected) {
        isNotNull();
        if (!Objects.equals(actual.name(), expected)) {
            throw mismatch("tool call name", expected, actual.name());
        }
        return myself;
    }

    /**
     * Verifies the call's id; null when the stream sent none (Gemini does not).
     *
     * @param expected the expected id, or null
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null or its id differs
     */
    public SELF hasId(String expected) {
        isNotNull();
        if (!Objects.equals(actual.id(), expected)) {
            throw mismatch("tool call id", expected, actual.id());
        }
        return myself;
    }

    /**
     * Verifies the call's native type: {@code function} for chat and Gemini, {@code tool_use} or
     * {@code server_tool_use} for Anthropic, {@code function_call} for Responses and Interactions.
     *
     * @param expected the expected type
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null or its type differs
     */
    public SELF hasType(String expected) {
        isNotNull();
        if (!Objects.equals(actual.type(), expected)) {
            throw mismatch("tool call type", expected, actual.type());
        }
        return myself;
    }

    /**
     * Verifies who runs the call: {@link ToolCall.Kind#FUNCTION} or {@link ToolCall.Kind#CUSTOM}
     * (the application), or {@link ToolCall.Kind#SERVER} (the provider ran it).
     *
     * @param expected the expected kind
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null or its kind differs
     */
    public SELF isOfKind(ToolCall.Kind expected) {
        isNotNull();
        if (actual.kind() != expected) {
            throw mismatch("tool call kind", expected, actual.kind());
        }
        return myself;
    }

    /**
     * Verifies the arguments as text, exactly as the stream concatenated them, whitespace
     * included; see {@link #hasArgumentsJson(String)} to compare them as JSON.
     *
     * @param expected the expected text; empty for a call whose arguments never came
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null or its arguments differ
     */
    public SELF hasArguments(String expected) {
        isNotNull();
        if (!Objects.equals(actual.arguments(), expected)) {
            throw mismatch("arguments", expected, actual.arguments());
        }
        return myself;
    }

    /**
     * Verifies that the arguments are JSON equal to the given JSON: whitespace and the order of
     * keys do not matter, and numbers compare by value ({@code 1} equals {@code 1.0}). The failure
     * says where they first differ.
     *
     * @param expectedJson the expected arguments, as JSON text
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null, its arguments are not JSON, or they differ
     * @throws IllegalArgumentException if {@code expectedJson} is not JSON
     */
    public SELF hasArgumentsJson(String expectedJson) {
        Objects.requireNonNull(expectedJson, "expectedJson");
        JsonNode expected;
        try {
            expected = JsonArguments.parse(expectedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("hasArgumentsJson(): the expected value is not JSON: "
                    + e.getOriginalMessage() + ": " + expectedJson, e);
        }
        isNotNull();
        JsonNode arguments = parsedTree("to be JSON equal to:", JsonArguments.write(expected));
        if (!JsonArguments.same(expected, arguments)) {
            throw failureWithActualExpected(actual.arguments(), expectedJson,
                    lines("Expecting arguments to be JSON equal to:", "  " + expectedJson, "but were:",
                            "  " + actual.arguments(), "first difference at " + JsonArguments.firstDifference(expected, arguments))
                            + context());
        }
        return myself;
    }

    /**
     * Verifies one argument's value, the arguments read as JSON. The field is a top-level name,
     * or a JSON Pointer when it starts with {@code /} ({@code /location/city}, {@code /items/0}).
     * The value is compared as JSON: a string, a number (by value, so {@code 2} matches
     * {@code 2.0}), a boolean, null (a JSON null, not a missing field), or maps and lists for
     * objects and arrays.
     *
     * @param field the argument's name, or a JSON Pointer
     * @param expected the expected value
     * @return this assertion object
     * @throws AssertionError if the actual tool call is null, its arguments are not JSON, the
     *     field is missing (listing the fields there are), or its value differs
     */
    public SELF hasArgument(String field, Object expected) {
        Objects.requireNonNull(field, "field");
        JsonNode expectedNode = JsonArguments.tree(expected);
        isNotNull();
        String expectation = "to have the argument \"" + field + "\" equal to:";
        JsonNode arguments = parsedTree(expectation, JsonArguments.write(expectedNode));
        JsonNode found = JsonArguments.field(arguments, field);
        if (found == null) {
            throw failing(lines("Expecting arguments:", "  " + actual.arguments(), expectation,
                    "  " + JsonArguments.write(expectedNode), "but there is no argument \"" + field + "\"; the arguments are:",
                    "  " + fieldNames(arguments)));
        }
        if (!JsonArguments.same(expectedNode, found)) {
            throw failureWithActualExpected(JsonArguments.write(found), JsonArguments.write(expectedNode),
                    lines("Expecting argument \"" + field + "\" to be:", "  " + JsonArguments.write(expectedNode),
                            "but was:", "  " + JsonArguments.write(found)) + context());
        }
        return myself;
    }

    /**
     * Parses the arguments as a JSON object and returns AssertJ's assertion on them as a map, to
     * go on with AssertJ's own assertions:
     * {@code toolCall(0).parsedArguments().containsEntry("location", "Paris").hasSize(1)}. Values
     * are as Jackson reads them: strings, {@code Integer}/{@code Long}/{@code Double} numbers,
     * booleans, null, and nested {@code Map}s and {@code List}s. Soft in
     * {@link StreamfoldSoftAssertions}.
     *
     * @return an assertion on the arguments as a map, described as this one followed by {@code arguments}
     * @throws AssertionError if the actual tool call is null or its arguments are not a JSON object
     */
    public final MapAssert<String, Object> parsedArguments() {
        String label = describe("arguments");
        if (actual == null) {
            return described(navigation.failed(actualIsNull()).map(null), label);
        }
        JsonNode arguments;
        try {
            arguments = JsonArguments.parse(actual.arguments());
        } catch (JsonProcessingException e) {
            return described(navigation.failed(notJson("to be a JSON object", e)).map(null), label);
        }
        if (!arguments.isObject()) {
            return described(navigation.failed(failing(lines("Expecting arguments to be a JSON object but were:",
                    "  " + actual.arguments()))).map(null), label);
        }
        return described(navigation.map(JsonArguments.map(arguments)), label);
    }

    /**
     * Returns to the assertion on the completion this tool call was reached from, to go on with it.
     *
     * @return the completion's assertion
     * @throws IllegalStateException if this assertion was made on a tool call alone
     */
    public final AbstractCompletionAssert<?, ?> returnToCompletion() {
        return completionAssert();
    }

    private MapAssert<String, Object> described(MapAssert<String, Object> map, String label) {
        map.describedAs(new TextDescription(label));
        map.withRepresentation(info.representation());
        return map;
    }

    private JsonNode parsedTree(String expectation, String expected) {
        try {
            return JsonArguments.parse(actual.arguments());
        } catch (JsonProcessingException e) {
            throw notJson(expectation + NL + "  " + expected, e);
        }
    }

    private AssertionError notJson(String expectation, JsonProcessingException e) {
        return failing(lines("Expecting arguments:", "  " + show(actual.arguments()), expectation,
                "but they are not JSON: " + e.getOriginalMessage()));
    }

    private static List<String> fieldNames(JsonNode arguments) {
        List<String> names = new ArrayList<>();
        arguments.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
