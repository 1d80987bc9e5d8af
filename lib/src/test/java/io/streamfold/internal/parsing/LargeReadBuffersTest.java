package io.streamfold.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.streamfold.AssemblerOptions;
import org.junit.jupiter.api.Test;

/** The parsers' factory reads in 64 KB, on every jackson-core the library supports. */
class LargeReadBuffersTest {

    @Test
    void parsersReadIn64KilobyteBuffersKeptByTheirThread() {
        JsonFactory factory = Parsers.factory(AssemblerOptions.defaults());
        BufferRecycler recycler = factory._getBufferRecycler();

        assertThat(recycler.allocByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER)).hasSize(64 * 1024);
        assertThat(factory._getBufferRecycler()).isSameAs(recycler);
    }

    @Test
    void itIsAJsonFactoryThatParsesAsync() {
        JsonFactory factory = Parsers.factory(AssemblerOptions.defaults().withMaxNestingDepth(5));

        assertThat(factory.getFormatName()).isEqualTo(JsonFactory.FORMAT_NAME_JSON);
        assertThat(factory.canParseAsync()).isTrue();
        assertThat(factory.streamReadConstraints().getMaxNestingDepth()).isEqualTo(5);
    }
}
