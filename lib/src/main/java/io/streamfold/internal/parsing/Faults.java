package io.streamfold.internal.parsing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamfold.AssemblyException;
import io.streamfold.Problem;
import io.streamfold.internal.json.Diagnostics;
import java.io.IOException;

/**
 * The error policy of both readers: every fault becomes a located {@link AssemblyException};
 * strict mode throws it, lenient mode lists it and reading stops (a chunk of the wrong shape is
 * skipped earlier, by {@link ChunkItems}). Input that holds no stream is thrown in both modes, and
 * an exception of the user's listener goes out as itself.
 */
final class Faults {

    interface Step {
        void run() throws IOException;
    }

    private Faults() {
    }

    /** Runs a step of reading; false when it met a fault that lenient mode listed. */
    static boolean run(Diagnostics diag, Step step) {
        try {
            step.run();
            return true;
        } catch (JsonProcessingException e) {
            fail(diag.fromJackson(e), diag);
        } catch (NotAStreamException e) {
            throw new AssemblyException(new Problem(Problem.Kind.NOT_A_STREAM, "Not a stream: " + e.getMessage(),
                    diag.source(), diag.chunk(), -1, -1, -1, null), null);
        } catch (AssemblyException e) {
            fail(e, diag);
        } catch (ListenerFailure e) {
            throw e;
        } catch (EventStreamException e) {
            // A damaged binary frame: located by its message (the chunk it would have been) and byte offset.
            fail(new AssemblyException(new Problem(Problem.Kind.MALFORMED, "Damaged event stream: " + e.getMessage(),
                    diag.source(), e.message(), -1, -1, e.offset(), null), e), diag);
        } catch (IOException e) {
            fail(diag.io(e), diag);
        } catch (RuntimeException | StackOverflowError e) {
            // A fault of ours, not of the input: still located, so the user knows which chunk to report.
            fail(diag.internal(e), diag);
        }
        return false;
    }

    /** Strict: throws. Lenient: lists the problem; the caller returns what was folded. */
    private static void fail(AssemblyException e, Diagnostics diag) {
        if (!diag.lenient() || e.kind() == Problem.Kind.NOT_A_STREAM) {
            throw e;
        }
        diag.addProblem(e.problem());
    }
}
