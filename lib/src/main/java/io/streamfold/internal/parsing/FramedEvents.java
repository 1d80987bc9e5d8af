package io.streamfold.internal.parsing;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns an SSE event a client has already framed back into the SSE text it came as, so that it
 * reaches the one incremental pipeline ({@link SseFilter}, the container grammar, the folders)
 * that raw bytes go through: {@code data: } before each line of the data, a blank line after.
 * The event's name is not written: the filter ignores {@code event:} lines, and so the result is
 * what the raw bytes give.
 *
 * <p>One exception: an Amazon event stream frame decoded by a client arrives as its event type and
 * its payload, where the raw frame decodes to {@code {"<event-type>": payload}}. An event named
 * for a Bedrock ConverseStream event is wrapped so, unless its data holds the wrapper already.
 */
public final class FramedEvents {

    private static final Set<String> BEDROCK_EVENTS = Set.of("messageStart", "contentBlockStart",
            "contentBlockDelta", "contentBlockStop", "messageStop", "metadata", "internalServerException",
            "modelStreamErrorException", "throttlingException", "validationException",
            "serviceUnavailableException");

    private final StringBuilder text = new StringBuilder(256);

    /**
     * The SSE text of one event. {@code [DONE]} and empty data are written too, and the filter
     * blanks them as it blanks them in raw bytes: they add nothing, and a stream of nothing else
     * is what the same raw bytes are.
     *
     * @param event the event's name, or null
     * @param data the event's data, its lines joined by {@code \n}; null is empty
     * @return the bytes to feed
     */
    public byte[] encode(String event, String data) {
        if (data == null) {
            data = "";
        }
        text.setLength(0);
        boolean wrap = event != null && BEDROCK_EVENTS.contains(event) && !holdsKey(data, event);
        text.append("data: ");
        if (wrap) {
            text.append("{\"").append(event).append("\":");
        }
        int n = data.length();
        for (int i = 0; i < n; i++) {
            char c = data.charAt(i);
            if (c == '\r' || c == '\n') {
                // Every line break of the data (any of SSE's three) starts a data line of its own.
                if (c == '\r' && i + 1 < n && data.charAt(i + 1) == '\n') {
                    i++;
                }
                text.append("\ndata: ");
            } else {
                text.append(c);
            }
        }
        if (wrap) {
            text.append('}');
        }
        text.append("\n\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the data is an object whose first key is this one. */
    private static boolean holdsKey(String data, String key) {
        int i = skipBlanks(data, 0);
        if (i >= data.length() || data.charAt(i) != '{') {
            return false;
        }
        i = skipBlanks(data, i + 1);
        return data.startsWith("\"" + key + "\"", i);
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
