package io.streamfold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.FinishReason;
import io.streamfold.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code streamfold convert}, run in-process: what it writes folds back to the recording. */
class ConvertTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAnAnthropicRecordingAsOpenAiChatThroughAProfile() {
        String file = TestRecordings.root().resolve("synthetic/anthropic.messages-thinking-tools.sse").toString();
        int status = run("convert", "--to", "openai.chat", "--container", "jsonl", "--profile", "vllm",
                "--profile", "deepseek", "--chunking", "range:1-5:7", file);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).contains("\"reasoning\":").contains("\"reasoning_content\":").doesNotContain("data:");
        Completion back = ChunkAssembler.assemble(out.toByteArray());
        Completion source = ChunkAssembler.assemble(java.nio.file.Path.of(file));
        assertThat(back.format()).isEqualTo(Format.OPENAI_CHAT);
        assertThat(back.text()).isEqualTo(source.text());
        assertThat(back.reasoning()).isEqualTo(source.reasoning());
        assertThat(back.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(back.message().toolCalls()).hasSameSizeAs(source.message().toolCalls());
    }

    @Test
    void keepsTheOwnFormatByDefaultAndCutsWhereAsked() {
        String file = TestRecordings.root().resolve("real/chat-one-tool-call--75ae2f583e3e.json").toString();
        assertThat(run("convert", "--cut-at", "120", file)).isZero();
        assertThat(out.toByteArray()).hasSize(120);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("data: {\"id\":");
    }

    @Test
    void badUsageSaysWhatIsWrong() {
        String file = TestRecordings.root().resolve("real/chat-one-tool-call--75ae2f583e3e.json").toString();
        assertThat(run("convert", "--to", "gemini", "--profile", "azure", file)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("openai.chat").contains("convert --help");
        err.reset();
        assertThat(run("convert", "--container", "xml", file)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown container 'xml'");
        err.reset();
        assertThat(run("convert", "--chunking", "fixed", file)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fixed:N");
    }
}
