package io.streamfold.internal.capture;

import io.streamfold.AssemblyException;
import io.streamfold.Problem;

/** Errors about a container's own shape, located at the node they are about (file, line:column, path). */
final class Located {

    private Located() {
    }

    static AssemblyException unexpected(String source, Tree.At at, String message) {
        return error(Problem.Kind.UNEXPECTED, source, at, message);
    }

    static AssemblyException unexpected(String source, Tree.At at, String field, String message) {
        return error(Problem.Kind.UNEXPECTED, source, at == null ? null : at.childAt(field), message);
    }

    static AssemblyException error(Problem.Kind kind, String source, Tree.At at, String message) {
        long line = at == null ? -1 : at.line();
        long column = at == null ? -1 : at.column();
        String path = at == null ? null : at.path();
        return new AssemblyException(new Problem(kind, message, source, 0, line, column, -1, path), null);
    }
}
