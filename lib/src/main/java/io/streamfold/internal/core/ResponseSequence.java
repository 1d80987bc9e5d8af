package io.streamfold.internal.core;

import io.streamfold.AssemblyException;
import io.streamfold.AssemblyListener;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.internal.json.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * The responses of one input, in order: an agent loop recorded in one file holds one per call.
 * {@link Assembly} folds one response at a time; when a format says that a new one begins, the
 * folded one is finished and kept here, the listener hears it, and the assembly and the folders'
 * own state start afresh. The readers take every response from here, or the one they return.
 */
public final class ResponseSequence {

    private final Assembly assembly;
    private final Diagnostics diagnostics;
    private final AssemblyListener listener;
    private final List<Completion> finished = new ArrayList<>(1);
    /** The folders' own state, forgotten when a new response begins. */
    private final List<Runnable> resets = new ArrayList<>(1);
    /** Where the second response began, for the error of a reader that returns one. */
    private Problem secondStart;
    /** A chat chunk's new id (and model) after a finished response, until the chunk shows a choice. */
    private String pendingId;
    private String pendingModel;

    ResponseSequence(Assembly assembly, Diagnostics diagnostics, AssemblyListener listener) {
        this.assembly = assembly;
        this.diagnostics = diagnostics;
        this.listener = listener;
    }

    /** Forgets a folder's own state when a new response begins. */
    public void resetting(Runnable reset) {
        resets.add(reset);
    }

    /**
     * A format's start event: a new response when the assembly's has begun. One still open (its
     * end event never came) is an error in strict mode; lenient mode ends it as truncated, with
     * the problem.
     */
    public void start(String event, String endEvent) {
        if (!assembly.begun()) {
            return;
        }
        if (!assembly.ended()) {
            AssemblyException open = diagnostics.unexpected("Expected " + endEvent + " before this " + event
                    + ": the response before it is still open (it was cut off, or two streams were recorded into one)");
            if (!diagnostics.lenient()) {
                throw open;
            }
            diagnostics.addProblem(open.problem());
        }
        next();
    }

    /** Ends the assembly's response (a truncation is reported, calls are completed) and begins the next. */
    public void next() {
        if (secondStart == null) {
            secondStart = diagnostics.unexpected("").problem(); // where the second begins: the current token
        }
        add(assembly.finishBeforeChunk());
        assembly.clear();
        diagnostics.nextResponse();
        for (Runnable reset : resets) {
            reset.run();
        }
    }

    /** The chunk follows a whole non-streaming response: it begins the next response. */
    public void chunkBegins() {
        if (!assembly.streamed() && assembly.begun()) {
            next();
        }
    }

    /**
     * A chat choice that opens a response (it says its role, or it is a whole message or a legacy
     * completion's) in a chunk with a new id after a finished response: it begins the next one.
     */
    public void choiceOpens() {
        if (pendingId != null) {
            nextByNewId();
        }
    }

    boolean newIdPending() {
        return pendingId != null;
    }

    void newId(char[] chars, int offset, int length) {
        pendingId = new String(chars, offset, length);
    }

    void newModel(char[] chars, int offset, int length) {
        pendingModel = new String(chars, offset, length);
    }

    /**
     * A chat chunk with a new id after a finished response shows a choice: it begins the next
     * response, and the header fields read before the choice are that response's.
     */
    private void nextByNewId() {
        String id = pendingId;
        String model = pendingModel;
        pendingId = null;
        pendingModel = null;
        next();
        assembly.offerHeader(id, model);
    }

    /**
     * The chunk ended. One with a new id but no opening choice (usage sent after the finish, under
     * an id of its own) stays in the response it follows: its id and model are offered to it.
     */
    public void chunkEnds() {
        if (pendingId != null) {
            assembly.offerHeader(pendingId, pendingModel);
            pendingId = null;
            pendingModel = null;
        }
    }

    /** Ends the input: every response it held, in order, the last as {@link Assembly#finish} gives it. */
    public List<Completion> finishAll() {
        add(assembly.finish());
        return List.copyOf(finished);
    }

    /**
     * The one response of a reader that returns one ({@code assemble}, {@code finish}) from every
     * response the input held: several are an error located where the second began, naming
     * {@code readAll}; lenient mode gives the first, {@code incomplete}, with that problem.
     */
    public Completion one(List<Completion> all, String readAll) {
        if (all.size() == 1) {
            return all.get(0);
        }
        Problem at = secondStart;
        AssemblyException several = new AssemblyException(new Problem(Problem.Kind.UNEXPECTED,
                "The input holds " + all.size() + " responses (the second begins at chunk " + at.chunk()
                        + "); this reads one: read them all with " + readAll,
                at.source(), at.chunk(), at.line(), at.column(), at.byteOffset(), at.path()), null);
        if (!diagnostics.lenient()) {
            throw several;
        }
        Completion c = all.get(0);
        List<Problem> problems = new ArrayList<>(c.problems());
        problems.add(several.problem());
        return new Completion(c.format(), c.id(), c.model(), c.created(), c.systemFingerprint(), c.serviceTier(),
                c.choices(), c.usage(), c.extra(), c.chunkCount(), true, c.warnings(), problems, c.streamed());
    }

    private void add(Completion completion) {
        finished.add(completion);
        if (listener != null) {
            listener.onResponseFinished(finished.size() - 1, completion);
        }
    }
}
