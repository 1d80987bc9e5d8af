package io.streamfold.internal.parsing;

import io.streamfold.internal.json.Words;
import java.util.Arrays;

/**
 * Frames an object by comparison with one framed before: the chunks of a stream are nearly the
 * same bytes (the same keys, id and model; only the delta differs), and most of them compare equal
 * to an earlier chunk far faster, with {@link Arrays#mismatch}, than the {@link Framer} scans them.
 *
 * <p>Why it is sound: inside an object the framer is an automaton over bytes whose state is the
 * nesting, whether it is in a string, and whether the last byte was a backslash. A template keeps
 * an object's bytes and the state before each of them. From equal states, equal bytes lead to equal
 * states, and to the end at the same offset. So where the new bytes equal the template's from its
 * start, the state after them is the template's; at the first byte that differs the new bytes are
 * scanned byte by byte from that state; and after each string that closes, the scan may take up the
 * comparison again at a point of the template in the very same state (its next string end at the
 * same nesting). Where the template ends, the object ends. Everything else is a heuristic that only
 * decides how much is compared and how much scanned; a value the templates do not fit is handed
 * back to the framer's own scan in the state it has reached.
 */
final class ValueTemplates {

    private static final int MAX_LENGTH = 8 * 1024;
    private static final int SLOTS = 4;
    /** A first match shorter than this (and not the whole template) is not worth following. */
    private static final int MIN_FIRST = 16;
    /** A realignment that matches fewer bytes than this is a miss; after this many, the framer scans. */
    private static final int MIN_REALIGN = 8;
    private static final int MAX_MISSES = 3;
    /** Bytes outside strings scanned one at a time without reaching a string end: the framer scans. */
    private static final int MAX_OUTSIDE = 48;
    /**
     * The most objects passed over between recordings, for an object that fits no template, and
     * for one that fits loosely (a better template is only a hope: chat chunks that differ in a
     * field of random text besides the delta always fit loosely).
     */
    private static final int[] MAX_BACKOFF = {1023, 65535};
    /** Tight fits that make a recording of each kind worth its cost (a loose one must do better). */
    private static final int[] USEFUL = {2, 16};
    static final int FIT_NONE = 0;
    static final int FIT_LOOSE = 1;
    /** While no template fits, the most objects passed over without trying them. */
    private static final int MAX_REST = 64;
    private static final long QUOTES = Words.repeated('"');
    private static final long BACKSLASHES = Words.repeated('\\');

    /**
     * How the templates did on an object: not tried; ended it after one difference at most (tight);
     * after more (loose: a template of its own may fit better); did not end it; ran out of input.
     */
    private enum Verdict { SKIPPED, TIGHT, LOOSE, UNFIT, CUT }

    private final ValueTemplate[] slots = new ValueTemplate[SLOTS];
    /** The template that fitted the last object that one fitted. */
    private ValueTemplate last;

    // What the last call of frame gave
    private boolean ended;
    private int nesting;
    private boolean inString;
    private boolean escaped;
    private boolean tried;
    private ValueTemplate used;
    private int matched;
    private int misses;
    /** How far the first comparison matched. */
    private int firstMatch;
    /** Comparisons made: the first, and one per realignment. */
    private int segments;
    private Verdict verdict = Verdict.SKIPPED;
    /** Where a framing cut by the end of the input goes on: the template's offset, and whether it was comparing there. */
    private int ref;
    private boolean aligned;

    // When to try templates, and when to record one
    private int rest;
    private int coldRun;
    /** By kind of recording: objects since the last, and how many to pass over before the next. */
    private final int[] poorRun = new int[2];
    private final int[] backoff = new int[2];
    /** Bytes of ended objects that compared equal to a template, in all (what tests check is used). */
    private long compared;

    long compared() {
        return compared;
    }

    /** Whether the object framed by the last {@link #frame} ended: at the index it returned. */
    boolean ended() {
        return ended;
    }

    int nesting() {
        return nesting;
    }

    boolean inString() {
        return inString;
    }

    boolean escaped() {
        return escaped;
    }

    /** Whether the last framing ran out of input: {@link #frameOn} goes on with it when more has come. */
    boolean cut() {
        return verdict == Verdict.CUT;
    }

    /**
     * Frames the object whose opening brace is {@code b[open]}, within {@code b[.., limit)}: returns
     * the index past its end ({@link #ended}), or the index where the framer's scan goes on, in the
     * state given by {@link #nesting}, {@link #inString} and {@link #escaped}.
     */
    int frame(byte[] b, int open, int limit) {
        ended = false;
        tried = false;
        used = null;
        matched = 0;
        misses = 0;
        segments = 1;
        verdict = Verdict.UNFIT;
        resume(1);
        if (rest > 0) {
            rest--;
            verdict = Verdict.SKIPPED;
            return open + 1;
        }
        // The template that fitted last is likely to fit again (a run of deltas): compared first, and
        // alone when it matches about as far as last time. Else the longest first match is followed.
        ValueTemplate best = null;
        int bestMatch = 0;
        ValueTemplate first = last;
        if (first != null) {
            int length = first.bytes.length;
            int k = Arrays.mismatch(b, open, Math.min(limit, open + length), first.bytes, 0, length);
            if (k < 0) {
                return matchedToEnd(first, open + length, length);
            }
            tried = true;
            best = first;
            bestMatch = k;
        }
        if (best == null || bestMatch < MIN_FIRST || bestMatch < best.reach - MIN_FIRST) {
            for (ValueTemplate t : slots) {
                if (t == null || t == first) {
                    continue;
                }
                tried = true;
                int length = t.bytes.length;
                int k = Arrays.mismatch(b, open, Math.min(limit, open + length), t.bytes, 0, length);
                if (k < 0) {
                    return matchedToEnd(t, open + length, length);
                }
                if (k > bestMatch) {
                    best = t;
                    bestMatch = k;
                }
            }
        }
        if (best == null || bestMatch < MIN_FIRST && open + bestMatch < limit) {
            return open + 1;
        }
        used = best;
        matched = bestMatch;
        firstMatch = bestMatch;
        resume(best.states[bestMatch]);
        if (open + bestMatch == limit) {
            return cutAligned(limit, bestMatch);
        }
        return follow(b, open + bestMatch, limit, best, bestMatch);
    }

    /**
     * Goes on framing the object whose framing ran out of input ({@link #cut}), from {@code b[j]}:
     * comparing where the comparison stopped, or scanning from the state the scan had reached.
     */
    int frameOn(byte[] b, int j, int limit) {
        ended = false;
        verdict = Verdict.UNFIT;
        ValueTemplate t = used;
        if (!aligned) {
            return follow(b, j, limit, t, ref);
        }
        int length = t.bytes.length - ref;
        int k = Arrays.mismatch(b, j, Math.min(limit, j + length), t.bytes, ref, t.bytes.length);
        if (k < 0) {
            if (segments == 1) {
                firstMatch += length;
            }
            return matchedToEnd(t, j + length, length);
        }
        if (segments == 1) {
            firstMatch += k;
        }
        matched += k;
        resume(t.states[ref + k]);
        if (j + k == limit) {
            return cutAligned(limit, ref + k);
        }
        return follow(b, j + k, limit, t, ref + k);
    }

    /** The input ended where it still equals the template, at its offset {@code at}. */
    private int cutAligned(int limit, int at) {
        verdict = Verdict.CUT;
        aligned = true;
        ref = at;
        return limit;
    }

    /** Scans the new bytes from where they differ from {@code t} at {@code ref}, realigning after strings. */
    private int follow(byte[] b, int j, int limit, ValueTemplate t, int ref) {
        int n = nesting;
        boolean str = inString;
        boolean esc = escaped;
        int outside = 0;
        while (j < limit) {
            if (str) {
                if (esc) {
                    esc = false;
                    j++;
                    continue;
                }
                j = quoteOrBackslash(b, j, limit);
                if (j == limit) {
                    break;
                }
                if (b[j++] == '\\') {
                    esc = true;
                    continue;
                }
                str = false;
                outside = 0;
                int from = t.stringEndAfter(ref, n);
                if (from < 0) {
                    return handOver(j, n);
                }
                int length = t.bytes.length - from;
                int k = Arrays.mismatch(b, j, Math.min(limit, j + length), t.bytes, from, t.bytes.length);
                segments++;
                if (k < 0) {
                    return matchedToEnd(t, j + length, length);
                }
                matched += k;
                resume(t.states[from + k]);
                j += k;
                ref = from + k;
                if (j == limit) {
                    return cutAligned(j, ref);
                }
                if (k < MIN_REALIGN && ++misses > MAX_MISSES) {
                    return j;
                }
                n = nesting;
                str = inString;
                esc = escaped;
                continue;
            }
            byte c = b[j++];
            if (c == '"') {
                str = true;
            } else if (c == '{' || c == '[') {
                n++; // past 63 levels no template state matches: the scan hands over at the next string end
            } else if ((c == '}' || c == ']') && --n == 0) {
                return ended(j);
            } else if (++outside > MAX_OUTSIDE) {
                return handOver(j, n);
            }
        }
        nesting = n;
        inString = str;
        escaped = esc;
        verdict = Verdict.CUT;
        aligned = false;
        this.ref = ref;
        return j;
    }

    /** The framer scans on from {@code j}, outside a string at nesting {@code n}. */
    private int handOver(int j, int n) {
        nesting = n;
        inString = false;
        escaped = false;
        return j;
    }

    private void resume(int s) {
        nesting = ValueTemplate.nesting(s);
        inString = ValueTemplate.inString(s);
        escaped = ValueTemplate.escaped(s);
    }

    private int matchedToEnd(ValueTemplate t, int end, int length) {
        if (used == null) {
            firstMatch = length; // the whole template, at the first comparison
        }
        used = t;
        matched += length;
        return ended(end);
    }

    private int ended(int end) {
        ended = true;
        verdict = segments <= 2 ? Verdict.TIGHT : Verdict.LOOSE;
        return end;
    }

    /** The index of the first quote or backslash in {@code b[j, limit)}, or {@code limit}. */
    private static int quoteOrBackslash(byte[] b, int j, int limit) {
        while (j + 8 <= limit) {
            long w = Words.at(b, j);
            long hits = Words.zeros(w ^ QUOTES) | Words.zeros(w ^ BACKSLASHES);
            if (hits != 0) {
                return j + Words.first(hits);
            }
            j += 8;
        }
        while (j < limit && b[j] != '"' && b[j] != '\\') {
            j++;
        }
        return j;
    }

    /**
     * The object framed last, {@code b[open, end)}, has ended (by {@link #frame} or by the framer's
     * scan): a template that fitted it is credited; one that fits no template may become one.
     */
    void framed(byte[] b, int open, int end) {
        switch (verdict) {
            case TIGHT, LOOSE -> {
                compared += matched;
                coldRun = 0;
                last = used;
                used.score += matched;
                used.reach = firstMatch;
                if (verdict == Verdict.TIGHT && ++used.hits == USEFUL[used.kind]) {
                    backoff[used.kind] >>= 1; // a recording that came in useful: the next may too
                } else if (verdict == Verdict.LOOSE) {
                    recordMaybe(b, open, end, FIT_LOOSE);
                }
            }
            case UNFIT -> {
                if (tried && ++coldRun > 8) {
                    rest = Math.min(coldRun - 8, MAX_REST); // no template fits for a while: try them less
                }
                recordMaybe(b, open, end, FIT_NONE);
            }
            default -> {
            }
        }
        verdict = Verdict.SKIPPED;
        used = null;
    }

    /** Records the object as a template, unless recordings have gone to waste lately. */
    private void recordMaybe(byte[] b, int open, int end, int kind) {
        if (++poorRun[kind] <= backoff[kind] || end - open > MAX_LENGTH) {
            return;
        }
        ValueTemplate t = ValueTemplate.trace(b, open, end);
        if (t == null) {
            return;
        }
        t.kind = kind;
        poorRun[kind] = 0;
        int slot = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == null) {
                slot = i;
                break;
            }
            if (slots[i].score < slots[slot].score) {
                slot = i;
            }
            slots[i].score >>= 1; // what was useful long ago counts less
        }
        ValueTemplate old = slots[slot];
        if (old != null && old.hits < USEFUL[old.kind]) {
            // Recordings of this kind go to waste: record less often.
            backoff[old.kind] = Math.min(backoff[old.kind] * 2 + 1, MAX_BACKOFF[old.kind]);
        }
        slots[slot] = t;
        last = t; // the next object is likely to look like this one
    }
}
