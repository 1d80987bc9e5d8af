package io.streamfold;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw SSE text into the events a client such as OkHttp's EventSource hands over, by the
 * WHATWG rules: lines end at CRLF, LF or CR; a blank line dispatches; {@code data} lines are
 * joined by LF; one space after the colon is dropped; comments never reach the client.
 */
final class SseEventSplitter {

    /** One dispatched event: its {@code event} name (null when none) and its data. */
    record Event(String name, String data) {
    }

    private SseEventSplitter() {
    }

    static List<Event> split(byte[] sse) {
        String text = new String(sse, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Event> events = new ArrayList<>();
        StringBuilder data = null;
        String name = null;
        int i = 0;
        while (i <= text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(i, end);
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, data.toString()));
                }
                data = null;
                name = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (field.equals("event")) {
                name = value;
            }
        }
        if (data != null) {
            events.add(new Event(name, data.toString())); // a last event with no blank line after it
        }
        return events;
    }
}
