package io.streamfold.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, through {@link Main#run(String[], Io)}, with a given stdin and environment. */
final class Cli {

    static final ObjectMapper JSON = new ObjectMapper();

    private byte[] stdin = new byte[0];
    private final Map<String, String> env = new HashMap<>();

    /** What one run gave. */
    record Result(int status, String out, String err) {
        List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(tree(line));
                }
            }
            return lines;
        }

        JsonNode json() {
            return tree(out);
        }

        String[] rows() {
            return out.split("\n");
        }
    }

    Cli stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Cli stdin(byte[] bytes) {
        stdin = bytes.clone();
        return this;
    }

    Cli columns(int columns) {
        env.put("COLUMNS", String.valueOf(columns));
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(env), false, false);
        int status = Main.run(args, io);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result of(String... args) {
        return new Cli().run(args);
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
