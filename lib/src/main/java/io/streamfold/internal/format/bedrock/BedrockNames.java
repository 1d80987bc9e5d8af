package io.streamfold.internal.format.bedrock;

import java.util.HashMap;
import java.util.Map;

/**
 * ConverseStream's names in the wire's camelCase, and the other spellings SDK logs use for them
 * ({@code MessageStart} from .NET and Go, {@code message_start}, {@code messagestart}): every
 * spelling is looked up by its letters alone, lower-cased, without underscores.
 */
final class BedrockNames {

    static final String[] EVENTS = {"messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop",
        "messageStop", "metadata"};
    static final String[] EXCEPTIONS = {"internalServerException", "modelStreamErrorException", "throttlingException",
        "validationException", "serviceUnavailableException"};
    private static final String[] FIELDS = {"role", "contentBlockIndex", "start", "delta", "toolUse", "toolUseId",
        "name", "type", "input", "text", "reasoningContent", "signature", "redactedContent", "citation", "stopReason",
        "additionalModelResponseFields", "usage", "metrics", "trace", "performanceConfig", "message",
        "originalStatusCode", "originalMessage", "toolResult", "image", "status", "serviceTier", "inputTokens",
        "outputTokens", "totalTokens", "cacheReadInputTokens", "cacheWriteInputTokens", "latencyMs"};

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (String[] names : new String[][] {EVENTS, EXCEPTIONS, FIELDS}) {
            for (String name : names) {
                CANONICAL.put(letters(name), name);
            }
        }
    }

    private BedrockNames() {
    }

    /** The camelCase name another spelling stands for, or the name itself when it is none of ours. */
    static String canonical(String name) {
        String known = CANONICAL.get(letters(name));
        return known != null ? known : name;
    }

    /** True for a ConverseStream event's name in any spelling; {@code metadata} only when asked for. */
    static boolean isEvent(String name, boolean withMetadata) {
        String c = canonical(name);
        for (String event : EVENTS) {
            if (event.equals(c)) {
                return withMetadata || !c.equals("metadata");
            }
        }
        return isException(c);
    }

    static boolean isException(String canonicalName) {
        for (String e : EXCEPTIONS) {
            if (e.equals(canonicalName)) {
                return true;
            }
        }
        return false;
    }

    /** The map with its keys in camelCase (a usage object logged as {@code InputTokens}). */
    static Map<String, Object> camelKeys(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(canonical(k), v));
        return out;
    }

    private static String letters(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != '_' && ch != '-') {
                b.append(Character.toLowerCase(ch));
            }
        }
        return b.toString();
    }
}
