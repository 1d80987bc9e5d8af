package io.streamfold.internal.capture;

import io.streamfold.AssemblyException;
import io.streamfold.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WireMock stub mappings: one stub ({@code {"request": ..., "response": ...}}) or several
 * ({@code {"mappings": [...]}}). The response body is {@code body} (text), {@code base64Body},
 * {@code jsonBody} (any JSON, written back as text) or {@code bodyFileName}, a file under the
 * {@code __files} folder beside the {@code mappings} folder the stub is in.
 */
final class WireMockStubs {

    private WireMockStubs() {
    }

    static boolean is(Tree.Obj root) {
        return root.get("mappings") instanceof Tree.Arr || root.obj("request") != null && root.obj("response") != null;
    }

    static List<Exchange> exchanges(Tree.Obj root, String source, Path file) {
        List<Exchange> out = new ArrayList<>();
        Tree.Arr mappings = root.arr("mappings");
        if (mappings == null) {
            out.add(exchange(-1, root, source, file)); // one stub: no list to be a position in
            return out;
        }
        for (int i = 0; i < mappings.size(); i++) {
            if (!(mappings.get(i) instanceof Tree.Obj stub)) {
                throw Located.unexpected(source, mappings.at.itemAt(i), "Expected a stub mapping object but found "
                        + Describe.of(mappings.get(i)));
            }
            out.add(exchange(i, stub, source, file));
        }
        return out;
    }

    private static Exchange exchange(int index, Tree.Obj stub, String source, Path file) {
        Tree.Obj request = stub.obj("request");
        Tree.Obj response = stub.obj("response");
        if (response == null) {
            throw Located.unexpected(source, stub.at, "Expected a response object in the stub mapping but found "
                    + Describe.of(stub.get("response")));
        }
        String method = request == null ? null : request.string("method");
        String url = request == null ? null : firstOf(request, "url", "urlPath", "urlPathTemplate", "urlPattern",
                "urlPathPattern");
        int status = response.containsKey("status") ? response.integer("status") : 200;
        String contentType = Bodies.mediaType(header(response.get("headers"), "content-type"));
        String where;
        byte[] body;
        if (response.containsKey("body")) {
            where = response.at.child("body");
            Object b = response.get("body");
            if (b != null && !(b instanceof String)) {
                throw Located.unexpected(source, response.at, "body", "Expected a string for the stub's body but found "
                        + Describe.of(b) + " (a JSON body goes in jsonBody)");
            }
            body = Bodies.utf8((String) b);
        } else if (response.containsKey("base64Body")) {
            where = response.at.child("base64Body");
            body = Bodies.base64(response.string("base64Body"));
            if (body == null) {
                throw Located.unexpected(source, response.at, "base64Body", "Expected base64 for base64Body but found "
                        + Describe.of(response.get("base64Body")) + " that is no base64");
            }
        } else if (response.containsKey("jsonBody")) {
            where = response.at.child("jsonBody");
            body = Tree.toJson(response.get("jsonBody"));
        } else if (response.containsKey("bodyFileName")) {
            where = response.at.child("bodyFileName");
            body = bodyFile(response, source, file);
        } else {
            where = response.at.path();
            body = null;
        }
        String encoding = header(response.get("headers"), "content-encoding");
        byte[] bytes = Bodies.inflated(body, encoding, source, response.at, where);
        return new Exchange(index, bytes, status, contentType,
                method == null ? null : method.toUpperCase(Locale.ROOT), url, where, stub.at.line(),
                Bodies.stillCompressed(bytes, encoding));
    }

    /** Reads {@code bodyFileName} from the {@code __files} folder beside the {@code mappings} folder. */
    private static byte[] bodyFile(Tree.Obj response, String source, Path file) {
        String name = response.string("bodyFileName");
        if (name == null) {
            throw Located.unexpected(source, response.at, "bodyFileName", "Expected a file name for bodyFileName but"
                    + " found " + Describe.of(response.get("bodyFileName")));
        }
        if (file == null) {
            throw Located.unexpected(source, response.at, "bodyFileName", "The stub's body is in the file " + name
                    + " under __files, which can only be found from the stub mapping's path: assemble the file,"
                    + " not its bytes");
        }
        Path files = filesFolder(file);
        Path body = files.resolve(name).normalize();
        try {
            return Files.readAllBytes(body);
        } catch (NoSuchFileException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "No such file " + body + " for the stub's"
                    + " bodyFileName " + name + " (WireMock looks in the __files folder beside mappings)", source, 0,
                    response.at.line(), response.at.column(), -1, response.at.child("bodyFileName")), e);
        } catch (IOException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read " + body + " for the stub's"
                    + " bodyFileName: " + e.getMessage(), source, 0, response.at.line(), response.at.column(), -1,
                    response.at.child("bodyFileName")), e);
        }
    }

    /** The {@code __files} folder of the WireMock root the stub file sits under (mappings may nest). */
    static Path filesFolder(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (d.getFileName() != null && d.getFileName().toString().equals("mappings") && d.getParent() != null) {
                return d.getParent().resolve("__files");
            }
        }
        Path beside = dir.resolve("__files");
        return Files.isDirectory(beside) || dir.getParent() == null ? beside : dir.getParent().resolve("__files");
    }

    private static String firstOf(Tree.Obj obj, String... keys) {
        for (String key : keys) {
            String v = obj.string(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** WireMock headers map a name to a string, or to a list of strings. */
    private static String header(Object headers, String name) {
        if (headers instanceof Map<?, ?>) {
            return VcrCassette.header(headers, name);
        }
        return null;
    }
}
