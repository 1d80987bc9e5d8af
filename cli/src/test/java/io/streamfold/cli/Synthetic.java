package io.streamfold.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recordings the CLI tests write for their edge cases: chat chunks as JSON Lines. */
final class Synthetic {

    private Synthetic() {
    }

    static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n";
    }

    static String text(String text, String finish) {
        return chunk("{\"role\":\"assistant\",\"content\":\"" + text + "\"}", finish);
    }

    /** A stream cut off at a chunk boundary: text, and no finish reason. */
    static String cut() {
        return text("Once upon", null) + text(" a time", null);
    }

    /** One message calling {@code count} tools, each named {@code prefix + i}. */
    static String toolCalls(int count, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(chunk("{\"tool_calls\":[{\"index\":" + i + ",\"id\":\"call_" + i + "\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"" + prefix + i + "\",\"arguments\":\"{\\\"n\\\": " + i + "}\"}}]}", null));
        }
        return sb.append(chunk("{}", "tool_calls")).toString();
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
