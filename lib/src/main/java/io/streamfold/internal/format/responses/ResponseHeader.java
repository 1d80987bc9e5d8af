package io.streamfold.internal.format.responses;

import io.streamfold.internal.core.Assembly;
import io.streamfold.internal.core.Values;
import java.util.Map;
import java.util.Set;

/**
 * The header of a Responses stream, from the {@code response} that {@code response.created} and
 * {@code .in_progress} carry, and then from the final one, which is authoritative.
 */
final class ResponseHeader {

    private static final Set<String> MODELLED = Set.of("id", "model", "created_at", "usage");

    private ResponseHeader() {
    }

    /** Folds the response's header fields; {@code overriding}: the final response replaces what the first said. */
    static void fold(Assembly assembly, Map<String, Object> response, boolean overriding) {
        if (overriding) {
            assembly.overrideId(Values.stringAt(response, "id"));
            assembly.overrideModel(Values.stringAt(response, "model"));
        } else {
            assembly.id(Values.stringAt(response, "id"));
            assembly.model(Values.stringAt(response, "model"));
        }
        if (response.get("created_at") instanceof Number n) {
            assembly.created(n.longValue());
        }
        if (overriding) {
            assembly.overrideServiceTier(Values.stringAt(response, "service_tier")); // the tier that served, not the one asked
        } else {
            assembly.serviceTier(Values.stringAt(response, "service_tier"));
        }
        for (Map.Entry<String, Object> f : response.entrySet()) {
            if (!MODELLED.contains(f.getKey()) && !(f.getKey().equals("output") && !overriding)) {
                assembly.extra().put(f.getKey(), f.getValue());
            }
        }
        assembly.usage(Values.asMap(response.get("usage")));
    }
}
