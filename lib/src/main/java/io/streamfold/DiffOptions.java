package io.streamfold;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Completion#diff(Completion, DiffOptions)} leaves out. By default it ignores what
 * changes on every recording of the same behaviour: ids (the response's and the tool calls'),
 * {@code created}, {@code system_fingerprint}, whether the response was streamed, and the usage.
 * Immutable; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * a.diff(b, DiffOptions.defaults().withUsage(true).ignoring("/model"));
 * }</pre>
 */
public final class DiffOptions {

    private static final DiffOptions DEFAULTS = new DiffOptions(false, false, List.of());

    private final boolean usage;
    private final boolean ids;
    private final List<String> ignored;

    private DiffOptions(boolean usage, boolean ids, List<String> ignored) {
        this.usage = usage;
        this.ids = ids;
        this.ignored = List.copyOf(ignored);
    }

    /** {@return the defaults: usage, ids, timestamps and {@code system_fingerprint} ignored} */
    public static DiffOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns options that compare the usage counts too (or not).
     *
     * @param compare true to report a usage that differs
     * @return a copy with this setting
     */
    public DiffOptions withUsage(boolean compare) {
        return new DiffOptions(compare, ids, ignored);
    }

    /**
     * Returns options that compare the ids, {@code created} and {@code system_fingerprint} too (or not).
     *
     * @param compare true to report ids and timestamps that differ
     * @return a copy with this setting
     */
    public DiffOptions withIds(boolean compare) {
        return new DiffOptions(usage, compare, ignored);
    }

    /**
     * Returns options that also ignore the values at these JSON pointers, and everything below
     * them ({@code /model}, {@code /tool_calls/0/arguments/timestamp}).
     *
     * @param pointers JSON pointers into {@link Completion#toNeutralJson()}
     * @return a copy that ignores them too
     */
    public DiffOptions ignoring(String... pointers) {
        List<String> all = new ArrayList<>(ignored);
        for (String pointer : pointers) {
            Objects.requireNonNull(pointer, "pointer");
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("A JSON pointer starts with /: '" + pointer + "'");
            }
            all.add(pointer);
        }
        return new DiffOptions(usage, ids, all);
    }

    /** {@return whether the usage is compared} */
    public boolean usage() {
        return usage;
    }

    /** {@return whether ids, {@code created} and {@code system_fingerprint} are compared} */
    public boolean ids() {
        return ids;
    }

    /** {@return the JSON pointers ignored besides the defaults; immutable} */
    public List<String> ignored() {
        return ignored;
    }

    @Override
    public String toString() {
        return "DiffOptions[usage=" + usage + ", ids=" + ids + ", ignored=" + ignored + "]";
    }
}
