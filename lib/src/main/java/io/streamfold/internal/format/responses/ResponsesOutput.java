package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.PartState;
import io.streamfold.internal.core.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Output items as native maps: what the deltas built, in the shape a final response has. */
final class ResponsesOutput {

    private ResponsesOutput() {
    }

    /** The item with its streamed text and arguments filled in. */
    static Map<String, Object> render(Map<String, Object> base, Item item) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        switch (item.type) {
            case "message": {
                List<Object> content = new ArrayList<>();
                for (PartState part : item.contents.values()) {
                    content.add(contentPart(part));
                }
                out.put("content", content);
                break;
            }
            case "reasoning": {
                List<Object> summary = new ArrayList<>();
                for (PartState part : item.summaries.values()) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("type", "summary_text");
                    s.put("text", part.text().toString());
                    summary.add(s);
                }
                out.put("summary", summary);
                if (!item.contents.isEmpty()) {
                    List<Object> content = new ArrayList<>();
                    for (PartState part : item.contents.values()) {
                        content.add(contentPart(part));
                    }
                    out.put("content", content);
                }
                break;
            }
            case "function_call":
                out.put("arguments", item.call.arguments().toString());
                break;
            case "custom_tool_call":
                out.put("input", item.call.arguments().toString());
                break;
            default:
                if (item.other != null) {
                    out = new LinkedHashMap<>(item.other.extra());
                }
                break;
        }
        return out;
    }

    private static Map<String, Object> contentPart(PartState part) {
        Map<String, Object> c = new LinkedHashMap<>();
        switch (part.kind()) {
            case REFUSAL:
                c.put("type", "refusal");
                c.put("refusal", part.text().toString());
                break;
            case OTHER:
                c.putAll(part.extra());
                break;
            default:
                c.put("type", part.type());
                c.put("text", part.text().toString());
                if (part.hasExtra()) {
                    c.putAll(part.extra());
                }
                if (part.kind() == PartState.Kind.TEXT && !c.containsKey("annotations")) {
                    c.put("annotations", List.of());
                }
                break;
        }
        return c;
    }

    /**
     * A final item's visible text, in its pieces: a message's output text or a reasoning item's
     * summary; null for others.
     */
    static List<CharSequence> textPieces(Map<String, Object> item) {
        String type = Values.stringAt(item, "type");
        List<Object> parts = Values.asList(item.get("reasoning".equals(type) ? "summary" : "content"));
        if (parts == null || !("message".equals(type) || "reasoning".equals(type))) {
            return null;
        }
        List<CharSequence> pieces = new ArrayList<>(parts.size());
        for (Object p : parts) {
            Map<String, Object> part = Values.asMap(p);
            if (part == null) {
                continue;
            }
            Object text = "refusal".equals(part.get("type")) ? part.get("refusal") : part.get("text");
            if (text instanceof String s) {
                pieces.add(s);
            }
        }
        return pieces;
    }
}
