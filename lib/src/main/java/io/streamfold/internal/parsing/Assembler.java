package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.json.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Assembles a whole input in one pass: tells its kind, reads its container, folds every chunk,
 * and applies the error policy (strict throws, lenient lists the fault and returns what was folded).
 */
public final class Assembler {

    private Assembler() {
    }

    public static Completion assemble(InputStream in, AssemblerOptions options) {
        Diagnostics diag = new Diagnostics(options.source(), options.lenient());
        Assembly assembly = new Assembly(diag, options.listener(), options.format());
        try {
            InputKind.Peeked peeked = InputKind.peek(in);
            read(peeked.kind(), peeked.stream(), null, diag, assembly, options);
        } catch (IOException e) {
            fail(diag.io(e), diag);
        }
        return finish(assembly, options);
    }

    public static Completion assemble(byte[] bytes, AssemblerOptions options) {
        Diagnostics diag = new Diagnostics(options.source(), options.lenient());
        Assembly assembly = new Assembly(diag, options.listener(), options.format());
        InputKind kind = InputKind.of(bytes, 0, bytes.length);
        try {
            read(kind, null, bytes, diag, assembly, options);
        } catch (IOException e) {
            fail(diag.io(e), diag);
        }
        return finish(assembly, options);
    }

    private static void read(InputKind kind, InputStream stream, byte[] bytes, Diagnostics diag, Assembly assembly,
            AssemblerOptions options) throws IOException {
        JsonFactory factory = Parsers.factory(options);
        ChunkReader reader = new ChunkReader(assembly);
        Containers containers = new Containers(reader, diag, factory);
        try {
            switch (kind) {
                case SSE: {
                    SseInputStream sse = new SseInputStream(stream != null ? stream : new ByteArrayInputStream(bytes));
                    try (JsonParser p = factory.createParser(sse)) {
                        containers.readSse(p, sse.filter());
                    }
                    break;
                }
                case EMPTY:
                    throw diag.malformed("Expected a recording or a stream but found an empty input");
                case HTML:
                    throw diag.malformed("Expected a recording or a stream but found HTML or XML (an error page?)");
                default:
                    try (JsonParser p = stream != null ? factory.createParser(stream) : factory.createParser(bytes)) {
                        containers.readJson(p);
                    }
                    break;
            }
        } catch (JsonProcessingException e) {
            fail(diag.fromJackson(e), diag);
        } catch (NotAStreamException e) {
            throw new AssemblyException(new Problem(Problem.Kind.NOT_A_STREAM, "Not a stream: " + e.getMessage(),
                    diag.source(), diag.chunk(), -1, -1, -1, null), null);
        } catch (AssemblyException e) {
            fail(e, diag);
        } catch (RuntimeException | StackOverflowError e) {
            // A fault of ours, not of the input: still located, so the user knows which chunk to report.
            fail(diag.internal(e), diag);
        }
    }

    /** Strict: throws. Lenient: lists the problem; the caller returns what was folded. */
    private static void fail(AssemblyException e, Diagnostics diag) {
        if (!diag.lenient() || e.kind() == Problem.Kind.NOT_A_STREAM) {
            throw e;
        }
        diag.addProblem(e.problem());
    }

    private static Completion finish(Assembly assembly, AssemblerOptions options) {
        Completion completion = assembly.snapshot(true);
        if (options.listener() != null) {
            options.listener().onFinished(completion);
        }
        return completion;
    }
}
