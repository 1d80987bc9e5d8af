package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.streamfold.AssemblerOptions;
import io.streamfold.Completion;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Assembles a whole input in one pass: tells its kind, steps the {@link Containers} grammar over
 * one blocking parser to the end, and applies the error policy of {@link Faults} (strict throws,
 * lenient lists the fault and returns what was folded).
 */
public final class Assembler {

    private Assembler() {
    }

    public static Completion assemble(InputStream in, AssemblerOptions options) {
        Diagnostics diag = new Diagnostics(options.source(), options.lenient());
        Assembly assembly = new Assembly(diag, ListenerGuard.of(options.listener()), options.format(), options.maxToolCalls());
        guarded(diag, () -> {
            InputKind.Peeked peeked = InputKind.peek(in);
            read(peeked.kind(), peeked.stream(), null, peeked.head(), peeked.length(), diag, assembly, options);
        });
        return finish(assembly, options);
    }

    public static Completion assemble(byte[] bytes, AssemblerOptions options) {
        Diagnostics diag = new Diagnostics(options.source(), options.lenient());
        Assembly assembly = new Assembly(diag, ListenerGuard.of(options.listener()), options.format(), options.maxToolCalls());
        InputKind kind = InputKind.decide(bytes, bytes.length, true);
        guarded(diag, () -> read(kind, null, bytes, bytes, bytes.length, diag, assembly, options));
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

    /** Reads under the error policy; the listener's own exception goes out as itself. */
    private static void guarded(Diagnostics diag, Faults.Step step) {
        try {
            Faults.run(diag, step);
        } catch (ListenerGuard.Failure e) {
            throw e.unwrap();
        }
    }

    private static Completion finish(Assembly assembly, AssemblerOptions options) {
        Completion completion;
        try {
            completion = assembly.finish();
        } catch (ListenerGuard.Failure e) {
            throw e.unwrap();
        }
        if (options.listener() != null) {
            options.listener().onFinished(completion);
        }
        return completion;
    }
}
