package io.streamfold.assertj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names of bundled recordings, and small streams written by hand for what no recording has. */
final class Fixtures {

    static final String SEED_000 = "seeds/000_4f3d0a612d65cd5e.json";
    static final String SEED_001 = "seeds/001_b46980ad0094c70c.json";
    static final String SEED_002 = "seeds/002_f3c450e043c4a2e1.json";
    static final String SEED_003 = "seeds/003_70bfb0971b4e1650.json";
    static final String SEED_004 = "seeds/004_7496b14b20f27abf.json";
    static final String ANTHROPIC = "real/anthropic-messages-sse--f22657bfd86d.json";
    static final String AZURE = "real/chat-azure-content-filters--913c76c2585d.json";
    static final String FINISH_LENGTH = "real/chat-finish-length--3b6ad0d16f48.json";
    static final String LOGPROBS = "real/chat-logprobs--dab8216633e9.json";
    static final String ONE_TOOL_CALL = "real/chat-one-tool-call--75ae2f583e3e.json";
    static final String PARALLEL_TOOL_CALLS = "real/chat-parallel-tool-calls--e73b8fbb6fe7.json";
    static final String REASONING_FIELD = "real/chat-reasoning-field--4687f5207dee.json";
    static final String USAGE_FINAL_CHUNK = "real/chat-usage-final-chunk--2a5013730936.json";
    static final String WATSONX = "real/chat-watsonx-model-id--ff55116840a3.json";
    static final String GEMINI_FUNCTION_CALLS = "real/gemini-function-calls--5391ea814cd6.json";
    static final String GEMINI_INTERACTIONS = "real/gemini-interactions-sse--df62e523dd87.json";
    static final String GEMINI_TEXT = "real/gemini-text--86173aaf2711.json";
    static final String COMPLETION_TEXT = "real/openai-completion-text--c03bc36fc4c1.json";

    static final String NL = System.lineSeparator();

    private static final String HEAD = "\"id\":\"chatcmpl-hand\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4o\"";

    /** A chat stream in which the model refuses: refusal "I can't help with that.", finish stop. */
    static final String REFUSAL_STREAM = "["
            + chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"\"},\"finish_reason\":null}") + ","
            + chunk("{\"index\":0,\"delta\":{\"refusal\":\"I can't help\"},\"finish_reason\":null}") + ","
            + chunk("{\"index\":0,\"delta\":{\"refusal\":\" with that.\"},\"finish_reason\":null}") + ","
            + chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}") + "]";

    /**
     * A chat stream with two choices: [0] says "Yes" and stops; [1] says "No" and calls
     * lookup({"n": 2, "deep": {"ok": true, "tags": ["a", null]}}). Usage 5/7/12, 3 reasoning, 4 cached.
     */
    static final String TWO_CHOICES_STREAM = "["
            + chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Yes\"},\"finish_reason\":null},"
                    + "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"No\"},\"finish_reason\":null}") + ","
            + chunk("{\"index\":1,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"n\\\": 2, \\\"deep\\\": {\\\"ok\\\": true,"
                    + " \\\"tags\\\": [\\\"a\\\", null]}}\"}}]},\"finish_reason\":null}") + ","
            + chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"},"
                    + "{\"index\":1,\"delta\":{},\"finish_reason\":\"tool_calls\"}") + ","
            + "{" + HEAD + ",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12,"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":3},\"prompt_tokens_details\":{\"cached_tokens\":4}}}]";

    /** A chat stream cut off after "Hel": no finish reason, so incomplete. */
    static final String TRUNCATED_STREAM = "["
            + chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}") + "]";

    private Fixtures() {
    }

    static Path recording(String name) {
        return Recordings.named(name);
    }

    /** Writes a stream to a file, so that it is a recording with a name. */
    static Path write(Path folder, String name, String stream) {
        try {
            return Files.writeString(folder.resolve(name), stream, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined as failure messages join them. */
    static String lines(String... lines) {
        return String.join(NL, lines);
    }

    private static String chunk(String choices) {
        return "{" + HEAD + ",\"choices\":[" + choices + "]}";
    }
}
