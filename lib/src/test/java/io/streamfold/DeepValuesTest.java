package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kept values nested as deep as a raised limit allows are read and written without recursion. */
class DeepValuesTest {

    private static final int DEPTH = 50_000;

    private static String nested(int depth) {
        return "[".repeat(depth) + "\"core\"" + "]".repeat(depth);
    }

    private static int depthOf(Object value) {
        int depth = 0;
        Object v = value;
        while (v instanceof List<?> list && list.size() == 1) {
            depth++;
            v = list.get(0);
        }
        assertThat(v).isEqualTo("core");
        return depth;
    }

    @Test
    void aDeeplyNestedKeptFieldFoldsWithARaisedLimit() {
        String chunk = "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"hi\"}]},"
                + "\"finishReason\":\"STOP\",\"deep\":" + nested(DEPTH) + "}]}";
        Completion c = ChunkAssembler.assemble(chunk.getBytes(StandardCharsets.UTF_8),
                AssemblerOptions.defaults().withMaxNestingDepth(100_000));
        assertThat(c.message().content()).isEqualTo("hi");
        Object deep = c.choices().get(0).extra().get("deep");
        assertThat(depthOf(deep)).isEqualTo(DEPTH);
    }

    @Test
    void aDeeplyNestedEventFieldFoldsIncrementallyToo() {
        String events = "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[],"
                + "\"deep\":" + nested(DEPTH) + "}}\n{\"type\":\"message_stop\"}\n";
        IncrementalAssembler assembler = ChunkAssembler.incremental(AssemblerOptions.defaults().withMaxNestingDepth(100_000));
        assembler.feed(events.getBytes(StandardCharsets.UTF_8));
        Completion c = assembler.finish();
        assertThat(depthOf(((Map<?, ?>) Map.copyOf(c.extra())).get("deep"))).isEqualTo(DEPTH);
    }
}
