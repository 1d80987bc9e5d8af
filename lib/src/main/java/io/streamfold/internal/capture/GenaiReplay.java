package io.streamfold.internal.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A python-genai replay file ({@code {"replay_id", "interactions": [{"request", "response"}]}}):
 * the response keeps {@code status_code}, {@code headers} and {@code body_segments}, one decoded
 * JSON object per segment of the stream (one for a whole response, an {@code {"error": ...}} for
 * a failed call). Several segments are folded as the array of chunks they are.
 */
final class GenaiReplay {

    private GenaiReplay() {
    }

    /** A replay file: a {@code replay_id}, or interactions whose responses have body segments. */
    static boolean is(Tree.Obj root) {
        if (!(root.get("interactions") instanceof Tree.Arr interactions)) {
            return false;
        }
        if (root.containsKey("replay_id")) {
            return true;
        }
        for (Object i : interactions) {
            if (i instanceof Tree.Obj o && o.obj("response") != null) {
                return o.obj("response").containsKey("body_segments");
            }
        }
        return false;
    }

    static List<Exchange> exchanges(Tree.Obj root, String source) {
        return root.arr("interactions").exchanges(source, "an interaction", GenaiReplay::exchange);
    }

    private static Exchange exchange(int index, Tree.Obj interaction, String source) {
        Tree.Obj request = interaction.obj("request");
        Tree.Obj response = interaction.obj("response");
        if (response == null) {
            throw Located.unexpected(source, interaction.at, "Expected a response object in the interaction but found "
                    + Describe.of(interaction.get("response")));
        }
        String method = request == null ? null : request.string("method");
        String url = request == null ? null : request.string("url");
        int status = response.containsKey("status_code") ? response.integer("status_code") : 200;
        String contentType = Bodies.mediaType(VcrCassette.header(response.get("headers"), "content-type"));
        Object segments = response.get("body_segments");
        String where = response.at.child("body_segments");
        byte[] body = null;
        if (segments instanceof Tree.Arr list) {
            List<Object> kept = new ArrayList<>(list.size());
            for (Object segment : list) {
                if (!(segment instanceof Tree.Obj o) || !o.isEmpty()) {
                    kept.add(segment); // {} is the SDK's empty body
                }
            }
            body = kept.isEmpty() ? null : kept.size() == 1 ? Tree.toJson(kept.get(0)) : Tree.toJson(kept);
        } else if (segments != null) {
            throw Located.unexpected(source, response.at, "body_segments", "Expected a list of JSON segments for"
                    + " body_segments but found " + Describe.of(segments));
        }
        return new Exchange(index, body, status, contentType, method == null ? null
                : method.toUpperCase(Locale.ROOT), url, where, interaction.at.line(), null);
    }
}
