package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every chat chunk repeats the stream's id and model, which are compared with the last chunk's
 * before they are decoded. The same value in another spelling (an escape, non-ASCII) is the same;
 * a value that only begins like the last one is another: a changed model, or a new response.
 */
class RepeatedHeaderTest {

    private static String chunk(String id, String model, String content, String finish) {
        return "{\"id\":\"" + id + "\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{"
                + (content.startsWith("a") || content.startsWith("c") && id.equals("c-12") ? "\"role\":\"assistant\"," : "")
                + "\"content\":\"" + content + "\"},\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
                + "}]}\n";
    }

    /** What assembleAll gives, the same through a stream of odd reads and fed a few bytes at a time. */
    private static List<Completion> all(String jsonl) {
        byte[] bytes = jsonl.getBytes(StandardCharsets.UTF_8);
        List<Completion> whole = ChunkAssembler.assembleAll(bytes);
        assertThat(ChunkAssembler.assembleAll(new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 13)); // ends the parser's buffer inside values
            }
        })).isEqualTo(whole);
        for (int size : new int[] {1, 5, 29}) {
            IncrementalAssembler fed = ChunkAssembler.incremental();
            for (int at = 0; at < bytes.length; at += size) {
                fed.feed(bytes, at, Math.min(size, bytes.length - at));
            }
            assertThat(fed.finishAll()).as("fed %d bytes at a time", size).isEqualTo(whole);
        }
        return whole;
    }

    @Test
    void theSameIdAndModelInAnySpellingChangeNothing() {
        List<Completion> all = all(chunk("c-1", "m-\u00e9", "a", null) + chunk("\\u0063-1", "m-\\u00e9", "b", null)
                + chunk("c-1", "m-\u00e9", "c", null) + chunk("c\\u002d1", "m-\u00e9", "d", "stop"));

        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("abcd");
            assertThat(c.id()).isEqualTo("c-1");
            assertThat(c.model()).isEqualTo("m-\u00e9");
            assertThat(c.warnings()).isEmpty();
        });
    }

    @Test
    void aModelThatOnlyBeginsLikeTheLastIsAChange() {
        List<Completion> all = all(chunk("c-1", "m-1", "a", null) + chunk("c-1", "m-1", "b", null)
                + chunk("c-1", "m-10", "c", null) + chunk("c-1", "m-", "d", "stop"));

        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("abcd");
            assertThat(c.model()).isEqualTo("m-1");
            assertThat(c.warnings()).extracting(w -> w.code().id()).containsOnly("model-changed");
            assertThat(c.warnings()).extracting(Warning::message).anyMatch(m -> m.contains("'m-1' to 'm-10'"));
        });
    }

    @Test
    void anIdThatOnlyBeginsLikeTheLastBeginsTheNextResponse() {
        List<Completion> all = all(chunk("c-1", "m", "a", null) + chunk("c-1", "m", "b", "stop")
                + chunk("c-12", "m", "c", null) + chunk("c-12", "m", "d", "stop"));

        assertThat(all).extracting(Completion::id).containsExactly("c-1", "c-12");
        assertThat(all).extracting(Completion::text).containsExactly("ab", "cd");
    }
}
