package io.streamfold.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.streamfold.AssemblerOptions;
import io.streamfold.internal.parsing.Parsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ExpectedNameParser}'s fast paths leave the parser exactly as Jackson's own parser: read
 * through {@link KeyOrder} (which guesses, and compares the bytes before a value), every token, name,
 * text and location, and every error with its location, are Jackson's, for documents of repeated
 * objects, in an array or one after another at the root, in every layout (compact, indented with spaces or tabs, CRLF, blanks around colons and
 * commas), from a byte array and from a stream that gives a few bytes at a time, intact, damaged or cut.
 */
class ExpectedNameParserTest {

    private static final JsonFactory OURS = Parsers.factory(AssemblerOptions.defaults());
    private static final JsonFactory JACKSON = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final String[] KEYS = {"id", "choices", "delta", "content", "role", "index", "finish_reason",
        "usage", "model", "a", "tool_calls", "caf\u00e9", "we\"ird"};

    @Test
    void everyTokenAndLocationIsJacksonsOnIntactDocuments() throws IOException {
        for (int seed = 0; seed < 1500; seed++) {
            agree(document(new Random(seed)), seed);
        }
    }

    @Test
    void everyErrorIsJacksonsOnDamagedOrCutDocuments() throws IOException {
        for (int seed = 0; seed < 1500; seed++) {
            Random r = new Random(seed);
            byte[] doc = document(r);
            byte[] damaged = r.nextBoolean() ? java.util.Arrays.copyOf(doc, r.nextInt(doc.length)) : doc.clone();
            if (damaged.length > 0 && damaged == doc || r.nextInt(3) > 0 && damaged.length > 0) {
                damaged[r.nextInt(damaged.length)] = (byte) " \n\r\t,:\"{}[]x0\\/#\u00c3".charAt(r.nextInt(17));
            }
            agree(damaged, seed);
        }
    }

    @Test
    void theGapIsComparedOnRepeatedIndentedObjects() throws IOException {
        String one = "  {\n    \"id\": \"x\",\n    \"index\": 0,\n    \"content\": null\n  }";
        byte[] doc = ("[\n" + String.join(",\n", java.util.Collections.nCopies(50, one)) + "\n]").getBytes(StandardCharsets.UTF_8);
        agree(doc, 1);
        try (JsonParser p = OURS.createParser(doc)) {
            KeyOrder keys = new KeyOrder();
            p.nextToken();
            int rows = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                for (String name = keys.first(p); name != null; name = keys.next(p)) {
                    p.nextToken();
                    rows = p.currentTokenLocation().getLineNr();
                }
            }
            assertThat(rows).isEqualTo(1 + 49 * 5 + 4); // the last object's "content": after "[", 49 objects of 5 rows
        }
    }

    /** Both parsers give the same trace, from the whole array and from a trickling stream. */
    private static void agree(byte[] doc, int seed) throws IOException {
        String expected = trace(JACKSON.createParser(doc), seed);
        assertThat(trace(OURS.createParser(doc), seed)).as("seed %d, from a byte array: %s", seed, show(doc))
                .isEqualTo(expected);
        assertThat(trace(OURS.createParser(new Trickle(doc, seed)), seed)).as("seed %d, from a stream: %s", seed, show(doc))
                .isEqualTo(trace(JACKSON.createParser(new Trickle(doc, seed)), seed));
    }

    private static String trace(JsonParser p, int seed) {
        StringBuilder out = new StringBuilder();
        List<KeyOrder> orders = new ArrayList<>();
        Random reads = new Random(seed);
        try {
            while (p.nextToken() != null) {
                value(p, 0, orders, reads, out); // one document, or a root sequence (JSON Lines)
            }
            out.append("| end");
        } catch (IOException e) {
            out.append("| error: ").append(e.getMessage()).append(" at ").append(where(p.currentLocation()));
        }
        try {
            p.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonParser p, int depth, List<KeyOrder> orders, Random reads, StringBuilder out)
            throws IOException {
        JsonToken t = p.currentToken();
        out.append(t).append('@').append(where(p.currentTokenLocation())).append(' ');
        if (t == JsonToken.START_OBJECT) {
            while (orders.size() <= depth) {
                orders.add(new KeyOrder());
            }
            KeyOrder keys = orders.get(depth);
            for (String name = keys.first(p); name != null; name = keys.next(p)) {
                out.append(name).append('@').append(where(p.currentTokenLocation())).append('/')
                        .append(where(p.currentLocation())).append(' ');
                p.nextToken();
                if (reads.nextInt(4) > 0) {
                    value(p, depth + 1, orders, reads, out); // else left unread: KeyOrder skips it
                }
            }
            out.append("}@").append(where(p.currentTokenLocation())).append(' ');
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, depth + 1, orders, reads, out);
            }
        } else if (t.isScalarValue() && reads.nextBoolean()) {
            out.append(p.getText()).append(' ');
        }
    }

    private static String where(JsonLocation l) {
        return l.getLineNr() + ":" + l.getColumnNr() + "#" + l.getByteOffset();
    }

    /** Repeated objects of mostly the same keys, in one of several layouts. */
    private static byte[] document(Random r) {
        String[] keys = new String[1 + r.nextInt(6)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = KEYS[r.nextInt(KEYS.length)];
        }
        String indent = new String[] {"", "  ", "    ", "\t", " ", "          "}[r.nextInt(6)];
        String newline = indent.isEmpty() && r.nextBoolean() ? "" : r.nextInt(5) == 0 ? "\r\n" : "\n";
        String colon = new String[] {":", ": ", " : ", ":\t", ":  "}[r.nextInt(5)];
        String comma = r.nextInt(6) == 0 ? " ," : ",";
        boolean lines = r.nextInt(3) == 0; // a root sequence, as JSON Lines and SSE payloads are read
        StringBuilder b = new StringBuilder(lines ? "" : "[");
        int objects = 1 + r.nextInt(12);
        for (int o = 0; o < objects; o++) {
            b.append(o == 0 ? "" : lines ? (newline.isEmpty() ? " " : newline) : comma).append(lines ? "" : newline + indent);
            object(r, keys, lines ? 0 : 1, indent, newline, colon, comma, b);
        }
        return b.append(newline).append(lines ? "" : "]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void object(Random r, String[] keys, int depth, String indent, String newline, String colon,
            String comma, StringBuilder b) {
        b.append('{');
        int written = 0;
        for (String key : keys) {
            if (r.nextInt(8) == 0) {
                continue; // a key missing from this object
            }
            b.append(written++ > 0 ? comma : "").append(newline).append(indent.repeat(depth + 1));
            b.append('"').append(key.replace("\"", "\\\"")).append('"').append(colon);
            switch (r.nextInt(depth > 2 ? 7 : 10)) {
                case 0 -> b.append('"').append("t\u00e9xt \\\" \\n ".substring(0, r.nextInt(12))).append('"');
                case 1 -> b.append(r.nextInt(2000) - 1000);
                case 2 -> b.append("null");
                case 3 -> b.append(r.nextBoolean());
                case 4 -> b.append(r.nextDouble());
                case 5 -> b.append("\"\"");
                case 6 -> b.append("NaN");
                case 7 -> object(r, keys, depth + 1, indent, newline, colon, comma, b);
                case 8 -> b.append("[1, {\"a\"").append(colon).append("2}]");
                default -> b.append('[').append(newline).append(indent.repeat(depth + 2)).append("\"x\"").append(comma)
                        .append(newline).append(indent.repeat(depth + 2)).append("[ ]").append(comma).append(" [\"z\"")
                        .append(comma).append("{}]").append(newline).append(indent.repeat(depth + 1)).append(']');
            }
        }
        b.append(written > 0 ? newline + indent.repeat(depth) : "").append('}');
    }

    private static String show(byte[] doc) {
        String s = new String(doc, StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    /**
     * Gives a few bytes a read, so Jackson's buffer ends anywhere: never past the next of its cuts,
     * fixed by position (one after the first four bytes, which both factories read first), so
     * both parsers' buffers end at the same places.
     */
    private static final class Trickle extends ByteArrayInputStream {
        private final Random sizes;
        private int cut = 4;

        Trickle(byte[] doc, int seed) {
            super(doc);
            this.sizes = new Random(seed * 31L + 7);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (pos >= cut) {
                cut = pos + 1 + sizes.nextInt(40);
            }
            return super.read(b, off, Math.min(len, cut - pos));
        }
    }
}
