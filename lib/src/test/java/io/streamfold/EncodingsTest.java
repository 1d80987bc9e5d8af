package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recording is read in the encoding Jackson's bootstrapper tells from its first bytes: UTF-8,
 * with or without a byte order mark, through streamfold's own UTF-8 parser; UTF-16 and UTF-32
 * through Jackson's. Every entry point reads each the same.
 */
class EncodingsTest {

    private static final String JSONL = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9 \u65e5\"}}]}\n"
            + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\u00e9!\"},\"finish_reason\":\"stop\"}]}\n";

    private static List<Completion> everyWay(byte[] bytes) {
        IncrementalAssembler fed = ChunkAssembler.incremental();
        for (int at = 0; at < bytes.length; at += 5) {
            fed.feed(bytes, at, Math.min(5, bytes.length - at));
        }
        return List.of(ChunkAssembler.assemble(bytes), ChunkAssembler.assemble(new ByteArrayInputStream(bytes)),
                fed.finish());
    }

    @Test
    void everyEncodingJacksonTellsIsReadTheSameByEveryEntryPoint() {
        Completion utf8 = ChunkAssembler.assemble(JSONL.getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.message().content()).isEqualTo("h\u00e9 \u65e5\u00e9!");
        for (String name : List.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            for (String bom : List.of("", "\uFEFF")) {
                byte[] bytes = (bom + JSONL).getBytes(Charset.forName(name));
                assertThat(everyWay(bytes)).as("%s%s", name, bom.isEmpty() ? "" : " with a BOM")
                        .allSatisfy(c -> assertThat(c.message().content()).isEqualTo(utf8.message().content()));
            }
        }
    }

    @Test
    void aStringCutByTheEndOfAUtf8InputIsTheSameLocatedErrorEverywhere() {
        byte[] cut = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9 \u65e5".getBytes(StandardCharsets.UTF_8);
        AssemblerOptions lenient = AssemblerOptions.defaults().withLenient(true);
        Completion whole = ChunkAssembler.assemble(cut, lenient);
        assertThat(whole.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
        assertThat(ChunkAssembler.assemble(new ByteArrayInputStream(cut), lenient)).isEqualTo(whole);
        assertThat(ChunkAssembler.incremental(lenient).feed(cut).finish()).isEqualTo(whole);
    }
}
