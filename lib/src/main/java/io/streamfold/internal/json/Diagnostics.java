package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.streamfold.AssemblyException;
import io.streamfold.Problem;
import io.streamfold.Warning;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the fold is (chunk number, parser, where the parser's text starts in the input) and
 * what it noticed (warnings) or passed over (problems). Every error streamfold raises is made
 * here, so every one names the file, the chunk, the line:column and the JSON path.
 */
public final class Diagnostics {

    private final String source;
    private final boolean lenient;
    private final Map<String, WarningEntry> warnings = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private int chunk;
    /** The sequences of invalid UTF-8 found ahead of the parser (the first few), and their offsets. */
    private static final int INVALID_UTF8_KEPT = 16;
    private final String[] invalidUtf8 = new String[INVALID_UTF8_KEPT];
    private final long[] invalidUtf8At = new long[INVALID_UTF8_KEPT];
    private int invalidUtf8Count;
    private JsonParser parser;
    private JsonStreamContext chunkRoot;
    // The parser's (1,1,0) is this place in the input: a sub-parser reads an SSE payload or a buffered chunk.
    private long baseLine = 1;
    private long baseColumn = 1;
    private long baseByte;
    // ...and the parser's own position where that place begins (a long-lived parser reading chunk after chunk).
    private long originLine = 1;
    private long originColumn = 1;
    private long originByte;
    // A parser over fields kept before the chunk's format was known: errors name where each field was.
    private JsonParser replay;
    private JsonStreamContext replayRoot;
    private JsonLocation replayAt;

    public Diagnostics(String source, boolean lenient) {
        this.source = source;
        this.lenient = lenient;
    }

    public boolean lenient() {
        return lenient;
    }

    public String source() {
        return source;
    }

    /* ---------------------------------------------------------------------------------------
     * Position
     * ------------------------------------------------------------------------------------- */

    /** Sets the parser errors are located with, and where its first character sits in the input. */
    public void useParser(JsonParser p, long line, long column, long byteOffset) {
        useParser(p, line, column, byteOffset, 1, 1, 0);
    }

    /** As above, for a parser whose position {@code (originLine, originColumn, originByte)} is that place. */
    public void useParser(JsonParser p, long line, long column, long byteOffset, long originLine, long originColumn,
            long originByte) {
        this.parser = p;
        this.baseLine = line;
        this.baseColumn = column;
        this.baseByte = byteOffset;
        this.originLine = originLine;
        this.originColumn = originColumn;
        this.originByte = originByte;
    }

    /**
     * Errors from here on come from a parser over kept fields ({@code replay}, whose object is
     * {@code root}): they are located at {@code at}, where the field being read stood in the input.
     */
    public void replaying(JsonParser replay, JsonStreamContext root, JsonLocation at) {
        this.replay = replay;
        this.replayRoot = root;
        this.replayAt = at;
    }

    public void endReplay() {
        replay = null;
        replayRoot = null;
        replayAt = null;
    }

    public JsonParser parser() {
        return parser;
    }

    /** Counts the next chunk: errors from here on name it. */
    public void beginChunk() {
        chunk++;
        chunkRoot = null;
    }

    /** The object counted as a chunk was no chunk (a recording, told by a later key). */
    public void uncountChunk() {
        chunk--;
        chunkRoot = null;
    }

    /** The parser's current container (the chunk object) roots JSON paths from here on. */
    public void chunkRoot(JsonParser p) {
        chunkRoot = p.getParsingContext();
    }

    /** Leaves the chunk: errors from here on are outside any chunk's JSON path. */
    public void endChunk() {
        chunkRoot = null;
    }

    public int chunk() {
        return chunk;
    }

    /* ---------------------------------------------------------------------------------------
     * Warnings and problems
     * ------------------------------------------------------------------------------------- */

    /** Records a warning at the current chunk. Repeats of a key are counted, not listed again. */
    public void warn(String code, String message) {
        warn(code, code, message);
    }

    /** Records a warning whose repeats are recognised by {@code key} (a code plus what it is about). */
    public void warn(String key, String code, String message) {
        WarningEntry entry = warnings.get(key);
        if (entry == null) {
            warnings.put(key, new WarningEntry(code, chunk, message));
        } else {
            entry.count++;
        }
    }

    public boolean hasWarning(String code) {
        for (WarningEntry entry : warnings.values()) {
            if (entry.code.equals(code)) {
                return true;
            }
        }
        return false;
    }

    public List<Warning> warnings() {
        List<Warning> list = new ArrayList<>(warnings.size());
        for (WarningEntry e : warnings.values()) {
            String message = e.count > 1 ? e.message + " (" + e.count + " times from here on)" : e.message;
            list.add(new Warning(Warning.Code.of(e.code), e.chunk, message));
        }
        return list;
    }

    /**
     * A new response of the stream begins: the warnings and problems so far were the last one's
     * (its completion has them); chunks go on being counted from the start of the input.
     */
    public void nextResponse() {
        warnings.clear();
        problems.clear();
        responses++;
    }

    /** Responses begun: with {@link #chunk} and {@link #problemCount}, where a read began, for {@link #undo}. */
    private int responses;

    public int responsesBegun() {
        return responses;
    }

    public int problemCount() {
        return problems.size();
    }

    /**
     * Back to where a read began (the incremental reader's step that ran out of input is undone):
     * the chunks it counted, and the problems it added, are gone.
     */
    public void undo(int chunkBefore, int problemsBefore, int responsesBefore) {
        chunk = chunkBefore;
        chunkRoot = null;
        if (responsesBefore != responses) {
            problems.clear(); // a response began in the read: all its problems are the read's
        } else if (problems.size() > problemsBefore) {
            problems.subList(problemsBefore, problems.size()).clear();
        }
    }

    /** Records a problem lenient mode passed over. */
    public void addProblem(Problem problem) {
        problems.add(problem);
    }

    public List<Problem> problems() {
        return problems;
    }

    /* ---------------------------------------------------------------------------------------
     * Errors, located
     * ------------------------------------------------------------------------------------- */

    /** Well-formed JSON of the wrong shape, at the parser's current token. */
    public AssemblyException unexpected(String message) {
        return error(Problem.Kind.UNEXPECTED, message, parser, null);
    }

    /** "Expected X for name but found Y" at the parser's current token. */
    public AssemblyException expected(String what, String field) throws IOException {
        return unexpected("Expected " + what + " for " + field + " but found " + ProblemWording.describe(replay != null ? replay : parser));
    }

    /** A limit of the options reached, at the parser's current token. */
    public AssemblyException limit(String message) {
        return error(Problem.Kind.LIMIT, message, parser, null);
    }

    /** Malformed input that is not JSON's fault (an SSE line, a body that is not a list). */
    public AssemblyException malformed(String message) {
        return error(Problem.Kind.MALFORMED, message, parser, null);
    }

    /** Malformed input located at a place the caller worked out (before any parser read it). */
    public AssemblyException malformedAt(String message, long line, long column, long byteOffset) {
        return new AssemblyException(new Problem(Problem.Kind.MALFORMED, message, source, chunk, line, column, byteOffset,
                null), null);
    }

    /**
     * Input bytes that strict UTF-8 forbids were found ahead of the parser, at this byte offset of
     * what it reads, and made into a byte Jackson refuses there: named when the parser gets there.
     * The first few are kept (a fault stops the fold, or lenient mode, at the first).
     */
    public void invalidUtf8(long offset, String what) {
        if (invalidUtf8Count < INVALID_UTF8_KEPT) {
            invalidUtf8At[invalidUtf8Count] = offset;
            invalidUtf8[invalidUtf8Count++] = what;
        }
    }

    /** What was at the place of Jackson's error about a byte FF, if the guard put it there. */
    private String invalidUtf8Near(JsonLocation location) {
        long at = location == null ? -1 : location.getByteOffset();
        for (int i = 0; i < invalidUtf8Count && at >= 0; i++) {
            if (invalidUtf8At[i] >= at - 4 && invalidUtf8At[i] <= at + 1) {
                return invalidUtf8[i];
            }
        }
        return null;
    }

    /** Translates Jackson's exception into a located one, keeping it as the cause. */
    public AssemblyException fromJackson(JsonProcessingException e) {
        Problem.Kind kind = e instanceof StreamConstraintsException ? Problem.Kind.LIMIT : Problem.Kind.MALFORMED;
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        String invalid = invalidUtf8Count > 0 && message.startsWith("Invalid UTF-8") && message.contains("0xff")
                ? invalidUtf8Near(e.getLocation()) : null;
        if (invalid != null) {
            message = "Invalid UTF-8: " + invalid + ", which UTF-8 forbids and JSON text may not hold";
        }
        JsonLocation location = e.getLocation();
        if (location == null && parser != null) {
            location = parser.currentLocation(); // limits are thrown without one: where the parser stopped
        }
        return error(kind, ProblemWording.tidy(message), location, e);
    }

    /** A failure of streamfold's own, located where the fold was, with the cause kept. */
    public AssemblyException internal(Throwable e) {
        return error(Problem.Kind.INTERNAL, "Internal error while folding (please report it with the recording): " + e,
                parser, e);
    }

    /** An I/O failure reading the input. */
    public AssemblyException io(IOException e) {
        return new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the input: " + e.getMessage(),
                source, chunk, -1, -1, -1, null), e);
    }

    private AssemblyException error(Problem.Kind kind, String message, JsonParser p, Throwable cause) {
        JsonLocation location = replay != null ? replayAt : p == null ? null : p.currentTokenLocation();
        return error(kind, message, location, cause);
    }

    private AssemblyException error(Problem.Kind kind, String message, JsonLocation location, Throwable cause) {
        long line = -1;
        long column = -1;
        long offset = -1;
        if (location != null && location.getLineNr() > 0) {
            long innerLine = location.getLineNr() - originLine + 1;
            long innerColumn = innerLine == 1 ? location.getColumnNr() - originColumn + 1 : location.getColumnNr();
            line = baseLine + innerLine - 1;
            column = innerLine == 1 ? baseColumn + innerColumn - 1 : innerColumn;
            long inner = location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
            offset = inner >= 0 ? baseByte + inner - originByte : -1;
        }
        String path = replay != null ? ProblemWording.pathOf(replay.getParsingContext(), replayRoot)
                : chunkRoot != null && parser != null ? ProblemWording.pathOf(parser.getParsingContext(), chunkRoot) : null;
        return new AssemblyException(new Problem(kind, message, source, chunk, line, column, offset, path), cause);
    }

    private static final class WarningEntry {
        final String code;
        final int chunk;
        final String message;
        int count = 1;

        WarningEntry(String code, int chunk, String message) {
            this.code = code;
            this.chunk = chunk;
            this.message = message;
        }
    }
}
