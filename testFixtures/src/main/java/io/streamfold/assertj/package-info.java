/**
 * AssertJ assertions for completions assembled by streamfold, with failures that show the
 * expected value, the actual one, and a compact view of the recording's message.
 *
 * <p>Add {@code streamfold-test-fixtures} with test scope, then assert on a recording in one step:
 *
 * <pre>{@code
 * import static io.streamfold.assertj.StreamfoldAssertions.assertThatRecording;
 *
 * @Test
 * void asksForTheWeatherInBothCities() {
 *     assertThatRecording(Recordings.named("seeds/001_b46980ad0094c70c.json"))
 *         .hasFinishReason(FinishReason.TOOL_CALLS)
 *         .hasNoContent()
 *         .hasToolCallsNamed("get_weather", "get_weather")
 *         .toolCall(1)
 *             .hasId("call_luCJXv7NoR73lVYKKvgETic8")
 *             .hasArgument("location", "Los Angeles, USA");
 * }
 * }</pre>
 *
 * <p>A failure reads:
 *
 * <pre>
 * [recordings/seeds/001_b46980ad0094c70c.json tool call [1]]
 * Expecting argument "location" to be:
 *   "Paris"
 * but was:
 *   "Los Angeles, USA"
 * in tool call:
 *   [1] get_weather {"location": "Los Angeles, USA"} (id call_luCJXv7NoR73lVYKKvgETic8)
 * of completion:
 *   recording: recordings/seeds/001_b46980ad0094c70c.json
 *   format: openai.chat, 18 chunks
 *   finish reason: TOOL_CALLS ("tool_calls")
 *   content: null
 *   tool calls:
 *     [0] get_weather {"location": "San Francisco, USA"} (id call_kErWvJer6QCWVob8g1QyrJw1)
 *     [1] get_weather {"location": "Los Angeles, USA"} (id call_luCJXv7NoR73lVYKKvgETic8)
 *   usage: none
 * </pre>
 *
 * <p>Start from {@link io.streamfold.assertj.StreamfoldAssertions}; for soft assertions, which
 * report every failure at once, navigation included, use
 * {@link io.streamfold.assertj.StreamfoldSoftAssertions}; to find recordings by name, use
 * {@link io.streamfold.assertj.Recordings}.
 */
package io.streamfold.assertj;
