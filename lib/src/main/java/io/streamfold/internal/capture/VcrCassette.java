package io.streamfold.internal.capture;

import io.streamfold.Source;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A VCR cassette, in YAML or JSON: vcrpy and pytest-recording ({@code interactions[]}, bodies
 * in {@code body.string}, a {@code parsed_body} where pydantic-ai's serializer decoded the JSON)
 * and Ruby VCR ({@code http_interactions[]}, {@code body.encoding}, {@code !binary} base64 strings
 * or {@code base64_string}). Both keep {@code request.method}, {@code request.uri},
 * {@code response.status.code} and headers as lists of values.
 */
final class VcrCassette {

    private VcrCassette() {
    }

    static boolean is(Tree.Obj root) {
        return root.get("http_interactions") instanceof Tree.Arr || root.get("interactions") instanceof Tree.Arr
                && !GenaiReplay.is(root);
    }

    static Source.Container kind(Tree.Obj root) {
        return root.containsKey("http_interactions") ? Source.Container.RUBY_VCR : Source.Container.VCR;
    }

    static List<Exchange> exchanges(Tree.Obj root, String source) {
        String key = root.containsKey("http_interactions") ? "http_interactions" : "interactions";
        return root.arr(key).exchanges(source, "an interaction", VcrCassette::exchange);
    }

    private static Exchange exchange(int index, Tree.Obj interaction, String source) {
        Tree.Obj request = interaction.obj("request");
        Tree.Obj response = interaction.obj("response");
        if (response == null) {
            throw Located.unexpected(source, interaction.at, "Expected a response object in the interaction at "
                    + interaction.at.path() + " but found " + (interaction.containsKey("response") ? "another value"
                    : "none"));
        }
        String method = request == null ? null : request.string("method");
        String url = request == null ? null : request.string("uri");
        Tree.Obj status = response.obj("status");
        int code = status != null ? status.integer("code") : response.integer("status");
        String contentType = Bodies.mediaType(header(response.get("headers"), "content-type"));
        String where = response.at.child("body");
        byte[] body;
        Object parsed = response.get("parsed_body");
        if (parsed instanceof Tree.Obj || parsed instanceof Tree.Arr) {
            body = Tree.toJson(parsed);
            where = response.at.child("parsed_body");
        } else {
            body = body(response.get("body"), source, response.at);
        }
        String encoding = header(response.get("headers"), "content-encoding");
        byte[] bytes = Bodies.inflated(body, encoding, source, response.at, where);
        return new Exchange(index, bytes, code, contentType, method == null ? null
                : method.toUpperCase(Locale.ROOT), url, where, interaction.at.line(),
                Bodies.stillCompressed(bytes, encoding));
    }

    /** {@code body: {string: ...}}, {@code base64_string}, or a bare string (old cassettes). */
    private static byte[] body(Object body, String source, Tree.At at) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return Bodies.utf8(s);
        }
        if (body instanceof byte[] b) {
            return b;
        }
        if (!(body instanceof Tree.Obj obj)) {
            throw Located.unexpected(source, at, "body", "Expected the body as an object with a string, or a string,"
                    + " but found " + Describe.of(body));
        }
        Object string = obj.get("string");
        if (string instanceof byte[] b) {
            return b;
        }
        if (string instanceof String s) {
            return Bodies.utf8(s);
        }
        Object base64 = obj.get("base64_string");
        if (base64 instanceof String s) {
            byte[] decoded = Bodies.base64(s);
            if (decoded == null) {
                throw Located.unexpected(source, obj.at, "base64_string", "Expected base64 for the body's"
                        + " base64_string but found text that is no base64");
            }
            return decoded;
        }
        if (string == null && base64 == null) {
            return null;
        }
        throw Located.unexpected(source, obj.at, "string", "Expected a string for the body but found "
                + Describe.of(string != null ? string : base64));
    }

    /** A header's first value; VCR keeps each header as a list, any case. */
    static String header(Object headers, String name) {
        if (!(headers instanceof Map<?, ?> map)) {
            return null;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) {
                Object v = e.getValue();
                if (v instanceof List<?> list) {
                    v = list.isEmpty() ? null : list.get(0);
                }
                return v == null ? null : v.toString();
            }
        }
        return null;
    }
}
