package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyListener;
import io.streamfold.Completion;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Assembles a whole input in one pass: tells its kind, steps the {@link Containers} grammar over
 * one blocking parser to the end, and applies the error policy of {@link Faults} (strict throws,
 * lenient lists the fault and returns what was folded). The listener's own exception goes on as a
 * {@link ListenerFailure}, past the container layer's lenient policy too, to the public entry
 * points, which unwrap it.
 */
public final class Assembler {

    private Assembler() {
    }

    /** What {@code ChunkAssembler.assemble} tells to use on input that holds several responses. */
    public static final String READ_ALL = "ChunkAssembler.assembleAll (or IncrementalAssembler.finishAll)";

    public static Completion assemble(InputStream in, AssemblerOptions options) {
        Assembly assembly = assembly(options);
        return assembly.responses().one(assembleAll(in, assembly, options), READ_ALL);
    }

    public static Completion assemble(byte[] bytes, AssemblerOptions options) {
        Assembly assembly = assembly(options);
        return assembly.responses().one(assembleAll(bytes, assembly, options), READ_ALL);
    }

    /** Every response the input holds, in order. */
    public static List<Completion> assembleAll(InputStream in, AssemblerOptions options) {
        return assembleAll(in, assembly(options), options);
    }

    /** Every response the input holds, in order. */
    public static List<Completion> assembleAll(byte[] bytes, AssemblerOptions options) {
        return assembleAll(bytes, assembly(options), options);
    }

    private static Assembly assembly(AssemblerOptions options) {
        Diagnostics diag = new Diagnostics(options.source(), options.lenient());
        return new Assembly(diag, ListenerGuard.of(options.listener()), options.format(), options.maxToolCalls());
    }

    private static List<Completion> assembleAll(InputStream in, Assembly assembly, AssemblerOptions options) {
        Diagnostics diag = assembly.diagnostics();
        Faults.run(diag, () -> {
            InputKind.Peeked peeked = InputKind.peek(in);
            read(peeked.kind(), peeked.stream(), null, peeked.head(), peeked.length(), diag, assembly, options);
        });
        return finish(assembly, options);
    }

    private static List<Completion> assembleAll(byte[] bytes, Assembly assembly, AssemblerOptions options) {
        Diagnostics diag = assembly.diagnostics();
        InputKind kind = InputKind.decide(bytes, bytes.length, true);
        Faults.run(diag, () -> read(kind, null, bytes, bytes, bytes.length, diag, assembly, options));
        return finish(assembly, options);
    }

    /** Reads the input; {@code head[0, n)} are its first bytes, which told its kind. */
    private static void read(InputKind kind, InputStream stream, byte[] bytes, byte[] head, int n, Diagnostics diag,
            Assembly assembly, AssemblerOptions options) throws IOException {
        JsonFactory factory = Parsers.factory(options);
        ChunkItems items = new ChunkItems(new ChunkReader(assembly), diag, factory);
        Utf8Guard guard = new Utf8Guard(diag); // SSE and the event stream's payloads are UTF-8 whatever their first bytes
        switch (kind) {
            case SSE: {
                SseInputStream sse = new SseInputStream(stream != null ? stream : new ByteArrayInputStream(bytes));
                try (JsonParser p = factory.createParser(guard.guarding(sse))) {
                    diag.useParser(p, 1, 1, 0);
                    Containers.sequence(items, sse.filter()).readAll(p);
                }
                break;
            }
            case EVENT_STREAM: {
                // Each binary message is decoded to one line of JSON: the chunks are read as JSON Lines.
                InputStream raw = stream != null ? stream : new ByteArrayInputStream(bytes);
                try (JsonParser p = factory.createParser(guard.guarding(new EventStreamInput(raw)))) {
                    diag.useParser(p, 1, 1, 0);
                    Containers.json(items).readAll(p);
                }
                break;
            }
            case EMPTY:
            case HTML:
                throw kind.refusal(diag, head, n);
            default:
                boolean utf8 = Utf8Guard.looksUtf8(head, 0, n);
                try (JsonParser p = stream == null ? factory.createParser(utf8 ? guard.guarded(bytes) : bytes)
                        : factory.createParser(utf8 ? guard.guarding(stream) : stream)) {
                    diag.useParser(p, 1, 1, 0);
                    Containers.json(items).readAll(p);
                }
                break;
        }
    }

    private static List<Completion> finish(Assembly assembly, AssemblerOptions options) {
        List<Completion> all = assembly.responses().finishAll();
        AssemblyListener listener = ListenerGuard.of(options.listener());
        if (listener != null) {
            listener.onFinished(all.get(all.size() - 1));
        }
        return all;
    }
}
