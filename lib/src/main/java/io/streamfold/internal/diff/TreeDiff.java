package io.streamfold.internal.diff;

import io.streamfold.Completion;
import io.streamfold.DiffOptions;
import io.streamfold.Difference;
import io.streamfold.internal.neutral.NeutralView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic diff: walks two completions' neutral trees ({@link NeutralView}) side by side.
 * Objects are compared by key whatever their order, lists by position, numbers by value
 * ({@code 1} is {@code 1.0}), tool-call arguments as the JSON they are, and text by words. What
 * changes on every recording of the same behaviour is left out unless the options ask for it.
 */
public final class TreeDiff {

    /** The top-level fields that differ between any two recordings: ids, timestamps, delivery. */
    private static final Set<String> PER_RECORDING = Set.of("/id", "/created", "/system_fingerprint", "/streamed");
    /** A tool call's id, which the provider makes anew for every recording. */
    private static final java.util.regex.Pattern CALL_ID =
            java.util.regex.Pattern.compile("(/other_choices/\\d+)?/(server_)?tool_calls/\\d+/id");
    /** The fields compared by words. */
    private static final Set<String> TEXTS = Set.of("text", "reasoning", "refusal");

    private final DiffOptions options;
    private final List<Difference> differences = new ArrayList<>();

    private TreeDiff(DiffOptions options) {
        this.options = options;
    }

    public static List<Difference> of(Completion expected, Completion actual, DiffOptions options) {
        TreeDiff diff = new TreeDiff(options);
        diff.compare("", "", NeutralView.of(expected), NeutralView.of(actual));
        return List.copyOf(diff.differences);
    }

    private boolean ignored(String path, String key) {
        if (!options.ids() && (PER_RECORDING.contains(path) || (key.equals("id") && CALL_ID.matcher(path).matches()))) {
            return true;
        }
        if (!options.usage() && (path.equals("/usage") || path.startsWith("/usage/"))) {
            return true;
        }
        for (String pointer : options.ignored()) {
            if (path.equals(pointer) || path.startsWith(pointer.endsWith("/") ? pointer : pointer + "/")) {
                return true;
            }
        }
        return false;
    }

    private void compare(String path, String key, Object a, Object b) {
        if (ignored(path, key)) {
            return;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                String name = String.valueOf(k);
                String child = path + "/" + escape(name);
                if (!ma.containsKey(k)) {
                    add("added", child, name, null, mb.get(k));
                } else if (!mb.containsKey(k)) {
                    add("removed", child, name, ma.get(k), null);
                } else {
                    compare(child, name, ma.get(k), mb.get(k));
                }
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            int common = Math.min(la.size(), lb.size());
            for (int i = 0; i < common; i++) {
                compare(path + "/" + i, String.valueOf(i), la.get(i), lb.get(i));
            }
            for (int i = common; i < la.size(); i++) {
                add("removed", path + "/" + i, String.valueOf(i), la.get(i), null);
            }
            for (int i = common; i < lb.size(); i++) {
                add("added", path + "/" + i, String.valueOf(i), null, lb.get(i));
            }
        } else if (a instanceof String sa && b instanceof String sb && TEXTS.contains(key)) {
            for (WordDiff.Run run : WordDiff.runs(sa, sb)) {
                String what = run.removed().isEmpty() ? "words added at word " + run.at()
                        : run.added().isEmpty() ? "words removed at word " + run.at()
                        : "words changed at word " + run.at();
                differences.add(new Difference(what, path, run.removed(), run.added()));
            }
        } else if (!same(a, b)) {
            differences.add(new Difference("changed", path, a, b));
        }
    }

    private void add(String what, String path, String key, Object expected, Object actual) {
        if (!ignored(path, key)) {
            differences.add(new Difference(what, path, expected, actual));
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            return decimal(na).compareTo(decimal(nb)) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : BigDecimal.ZERO; // never read from JSON
        }
        return new BigDecimal(n.toString());
    }

    /** A key as a JSON pointer's reference token (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
