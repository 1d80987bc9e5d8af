package io.streamfold.benchmarks;

import java.util.Random;

/**
 * The arguments of one tool call as a model streams them: realistic JSON text, produced piece by
 * piece for as long as the caller wants, then closed so that the whole is valid JSON, and cut
 * into fragments of 1 to {@code maxFragment} chars (splitting escapes and keys anywhere, and
 * surrogate pairs only where the stream escapes them: raw UTF-8 cannot carry half a pair).
 */
final class ToolArgs {

    /** The tools a call can be to; the arguments' shape follows the tool. */
    static final String[] TOOLS = {"write_file", "search_records", "insert_rows", "send_email"};

    private static final String[] CUSTOMERS = {"Zoë Müller", "Ada Lovelace", "José Álvarez", "李雷", "Grace Hopper",
        "Søren \"Sunny\" Kierkegaard", "Nguyễn Văn An", "O'Brien & Sons"};
    private static final String[] FIELDS = {"status", "region", "created_at", "amount", "customer.name", "tags"};
    private static final String[] OPS = {"eq", "in", "gte", "lt", "contains"};

    private final Random random;
    private final int tool;
    private final int maxFragment;
    private final boolean splitSurrogates;
    private final Text prose;
    private final StringBuilder pending = new StringBuilder();
    private int items;
    private boolean closed;

    /**
     * @param splitSurrogates whether a fragment may end between the two halves of a surrogate pair
     *     (a chat recording escapes them as Python does; raw SSE in UTF-8 cannot: the half would
     *     be written as '?', and the deltas would disagree with the call's final arguments)
     */
    ToolArgs(Random random, int tool, int maxFragment, boolean splitSurrogates) {
        this.random = random;
        this.tool = tool;
        this.maxFragment = maxFragment;
        this.splitSurrogates = splitSurrogates;
        this.prose = new Text(random, false, 6);
        pending.append(head());
    }

    String name() {
        return TOOLS[tool];
    }

    /** Ends the arguments: the fragments that follow complete the JSON. */
    void close() {
        if (!closed) {
            closed = true;
            pending.append(tail());
        }
    }

    /** The next fragment, or null when the arguments are closed and all sent. */
    String next() {
        while (!closed && pending.length() < maxFragment) {
            pending.append(item());
            items++;
        }
        if (pending.length() == 0) {
            return null;
        }
        int n = Math.min(pending.length(), 1 + random.nextInt(maxFragment));
        if (!splitSurrogates && n < pending.length() && Character.isHighSurrogate(pending.charAt(n - 1))) {
            n++;
        }
        String fragment = pending.substring(0, n);
        pending.delete(0, n);
        return fragment;
    }

    private String head() {
        return switch (tool) {
            case 0 -> "{\"path\": \"src/generated/module_" + random.nextInt(100) + ".py\", \"content\": \"";
            case 1 -> "{\"query\": \"orders with late shipments\", \"filters\": [";
            case 2 -> "{\"table\": \"orders\", \"rows\": [";
            default -> "{\"to\": [\"ops@example.com\", \"finance@example.com\"], \"subject\": \"Weekly report\", \"body\": \"";
        };
    }

    private String tail() {
        return switch (tool) {
            case 0, 3 -> "\"}";
            case 1 -> "], \"limit\": 50, \"sort\": {\"by\": \"created_at\", \"order\": \"desc\"}}";
            default -> "]}";
        };
    }

    /** One more item of the arguments: a line of code, a filter, a row, or prose. */
    private String item() {
        String comma = items == 0 ? "" : ", ";
        return switch (tool) {
            case 0 -> Json.escaped(codeLine(), false);
            case 1 -> comma + "{\"field\": \"" + FIELDS[random.nextInt(FIELDS.length)] + "\", \"op\": \""
                    + OPS[random.nextInt(OPS.length)] + "\", \"value\": "
                    + (random.nextBoolean() ? random.nextInt(10_000) : "[\"open\", \"pending\"]") + "}";
            case 2 -> comma + "{\"id\": " + (items + 1) + ", \"customer\": \""
                    + Json.escaped(CUSTOMERS[random.nextInt(CUSTOMERS.length)], false) + "\", \"amount\": "
                    + random.nextInt(100_000) / 100.0 + ", \"currency\": \"EUR\", \"tags\": [\"priority\", \"gift\"], "
                    + "\"shipped\": " + random.nextBoolean() + "}";
            default -> Json.escaped(prose.next(), false);
        };
    }

    private String codeLine() {
        int n = random.nextInt(1000);
        return switch (random.nextInt(5)) {
            case 0 -> "def handler_" + n + "(event, context):\n";
            case 1 -> "    value_" + n + " = compute(\"key-" + n + "\", " + random.nextInt(100) + ")\n";
            case 2 -> "    path = \"C:\\\\data\\\\run_" + n + ".log\"\n";
            case 3 -> "    print(f\"{name}\\t{value_" + n + "!r}\")\n";
            default -> "\n";
        };
    }
}
