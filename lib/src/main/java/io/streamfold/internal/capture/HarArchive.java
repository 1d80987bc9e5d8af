package io.streamfold.internal.capture;

import java.util.List;
import java.util.Locale;

/**
 * An HTTP Archive (HAR 1.2: browser devtools, Playwright's {@code recordHar}, mitmproxy and
 * Charles exports): {@code log.entries[]}, each with {@code request.method} and {@code .url},
 * {@code response.status} and {@code response.content} ({@code text}, {@code encoding: base64},
 * {@code mimeType}). A stream an EventSource received, which devtools leave out of
 * {@code content.text}, is rebuilt as SSE text from {@code _eventSourceMessages}
 * (cypress-har-generator, Chrome), on the entry or in its content.
 */
final class HarArchive {

    private HarArchive() {
    }

    static boolean is(Tree.Obj root) {
        Tree.Obj log = root.obj("log");
        return log != null && log.get("entries") instanceof Tree.Arr;
    }

    static List<Exchange> exchanges(Tree.Obj root, String source) {
        return root.obj("log").arr("entries").exchanges(source, "a HAR entry", HarArchive::exchange);
    }

    private static Exchange exchange(int index, Tree.Obj entry, String source) {
        Tree.Obj request = entry.obj("request");
        Tree.Obj response = entry.obj("response");
        String method = request == null ? null : request.string("method");
        String url = request == null ? null : request.string("url");
        if (response == null) {
            throw Located.unexpected(source, entry.at, "Expected a response object in the HAR entry but found "
                    + Describe.of(entry.get("response")));
        }
        int status = response.integer("status");
        Tree.Obj content = response.obj("content");
        String mime = content == null ? null : content.string("mimeType");
        if (mime == null || mime.isBlank()) {
            mime = header(response.get("headers"), "content-type");
        }
        String where = response.at.child("content.text");
        byte[] body = content == null ? null : text(content, source);
        if (body == null || body.length == 0) {
            Tree.Arr messages = entry.arr("_eventSourceMessages");
            if (messages == null && content != null) {
                messages = content.arr("_eventSourceMessages");
            }
            if (messages != null) {
                body = EventSourceText.of(messages, source);
                where = messages.at.path();
                mime = "text/event-stream";
            }
        }
        String encoding = header(response.get("headers"), "content-encoding");
        byte[] bytes = Bodies.inflated(body, encoding, source, response.at, where);
        return new Exchange(index, bytes, status, Bodies.mediaType(mime),
                method == null ? null : method.toUpperCase(Locale.ROOT), url, where, entry.at.line(),
                Bodies.stillCompressed(bytes, encoding));
    }

    private static byte[] text(Tree.Obj content, String source) {
        Object text = content.get("text");
        if (text == null) {
            return null;
        }
        if (!(text instanceof String s)) {
            throw Located.unexpected(source, content.at, "text", "Expected a string for content.text but found "
                    + Describe.of(text));
        }
        if ("base64".equalsIgnoreCase(content.string("encoding"))) {
            byte[] decoded = Bodies.base64(s);
            if (decoded == null) {
                throw Located.unexpected(source, content.at, "text", "Expected base64 for content.text (encoding:"
                        + " base64) but found text that is no base64");
            }
            return decoded;
        }
        return Bodies.utf8(s);
    }

    /** HAR headers are a list of {@code {name, value}}. */
    private static String header(Object headers, String name) {
        if (headers instanceof Tree.Arr list) {
            for (Object h : list) {
                if (h instanceof Tree.Obj o && name.equalsIgnoreCase(o.string("name"))) {
                    return o.string("value");
                }
            }
        }
        return null;
    }
}
