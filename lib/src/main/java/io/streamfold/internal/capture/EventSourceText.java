package io.streamfold.internal.capture;

import java.nio.charset.StandardCharsets;

/**
 * Rebuilds the SSE text of a stream from the messages an EventSource received, as HAR writers
 * keep them: {@code {"eventName" or "type", "eventId" or "id", "data"}}. The name "message" is
 * the default event and is left out, as a server sends it; data with line breaks becomes one
 * {@code data:} line per line, as SSE requires.
 */
final class EventSourceText {

    private EventSourceText() {
    }

    static byte[] of(Tree.Arr messages, String source) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            Tree.Obj m = messages.objectAt(i, source, "an event-source message");
            String name = m.string("eventName") != null ? m.string("eventName") : m.string("type");
            String id = m.string("eventId") != null ? m.string("eventId") : m.string("id");
            String data = m.string("data");
            if (name != null && !name.isEmpty() && !name.equals("message")) {
                sb.append("event: ").append(name).append('\n');
            }
            if (id != null && !id.isEmpty()) {
                sb.append("id: ").append(id).append('\n');
            }
            for (String line : (data == null ? "" : data).split("\r\n|\r|\n", -1)) {
                sb.append("data: ").append(line).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
