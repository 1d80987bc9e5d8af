package io.streamfold;

/**
 * Thrown when a recording cannot be assembled: malformed JSON, a shape the format does not
 * allow, a limit hit, or input that cannot be read. The message says what was expected and what
 * was found, then where: {@code Expected a string for content but found a number (file x.json,
 * chunk 12, line 3:45, at $.choices[0].delta.content)}.
 *
 * <p>Unchecked: a damaged recording is a fact about the data, and tests would only rethrow it.
 */
public final class AssemblyException extends RuntimeException {

    private final transient Problem problem;

    /**
     * Creates an exception for a problem, with the parser's exception (if any) as the cause.
     *
     * @param problem what went wrong, and where
     * @param cause the parser's or the reader's exception, or null
     */
    public AssemblyException(Problem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    /** {@return the problem, with its location, as lenient mode would list it} */
    public Problem problem() {
        return problem;
    }

    /** {@return the kind of fault} */
    public Problem.Kind kind() {
        return problem.kind();
    }

    /** {@return the message without the location} */
    public String getOriginalMessage() {
        return problem.message();
    }

    /** {@return the file name, a description of the input, or null} */
    public String source() {
        return problem.source();
    }

    /** {@return the 1-based chunk number, or 0 when outside any chunk} */
    public int chunk() {
        return problem.chunk();
    }

    /** {@return the 1-based line, or -1 when unknown} */
    public long line() {
        return problem.line();
    }

    /** {@return the 1-based column, or -1 when unknown} */
    public long column() {
        return problem.column();
    }

    /** {@return the 0-based byte offset in the input, or -1 when unknown} */
    public long byteOffset() {
        return problem.byteOffset();
    }

    /** {@return the JSON path inside the chunk, such as {@code $.choices[0].delta.content}, or null} */
    public String path() {
        return problem.path();
    }
}
