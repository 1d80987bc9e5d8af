package io.streamfold.internal.parsing;

import io.streamfold.internal.json.Words;

/**
 * Tells, byte by byte, when the input holds everything the next step of {@link Containers} reads,
 * so the incremental reader can hand it to the blocking parser without that parser ever reaching
 * the end of what has arrived. It knows only JSON's lexical structure (strings and their escapes,
 * nesting, where a bare token ends), not its grammar: the parser judges the bytes; the framer only
 * waits for them. On malformed input it may wait for more than the parser reads (never less), and
 * at the end of the input nothing is waited for.
 *
 * <p>Each byte is scanned once: a scan that runs out of input stops where it is and goes on when
 * more arrives. Positions count bytes from the start of the input. Most chunk objects are not
 * scanned at all but compared with an earlier one ({@link ValueTemplates}), which gives the very
 * end the scan would.
 */
final class Framer {

    private static final byte QUOTE = 1;
    private static final byte OPEN = 3;
    private static final byte CLOSE = 4;
    private static final byte[] CLASS = new byte[256];
    private static final long QUOTES = Words.repeated('"');
    private static final long BACKSLASHES = Words.repeated('\\');
    private static final long CASE = Words.repeated(' ');
    private static final long OPENS = Words.repeated('{');
    private static final long CLOSES = Words.repeated('}');
    /** Bytes that end a bare token (a number, a literal, or what the parser will call garbage). */
    private static final boolean[] ENDS_TOKEN = new boolean[256];

    static {
        CLASS['"'] = QUOTE;
        CLASS['{'] = OPEN;
        CLASS['['] = OPEN;
        CLASS['}'] = CLOSE;
        CLASS[']'] = CLOSE;
        for (char c : " \t\r\n,:[]{}\"".toCharArray()) {
            ENDS_TOKEN[c] = true;
        }
    }

    private enum Phase { IDLE, SPACE, NESTED, TEMPLATE, STRING, AFTER_STRING, AFTER_COLON, BARE, BARE_VALUE, READY }

    /** The token boundary after the last step's bytes, and how many containers are open there. */
    private long position;
    private int depth;

    // The scan for the next step
    private Phase phase = Phase.IDLE;
    private Containers.Need need;
    private long at;
    private int nesting;
    private boolean inString;
    private boolean escaped;
    private long end;
    private int depthAfter;
    /** Where the object of a {@link Containers.Need#VALUE} step opened, while it is framed; else -1. */
    private long objectOpen = -1;

    /** Frames most chunk objects by comparison with earlier ones; null: every byte is scanned. */
    private final ValueTemplates templates;

    Framer() {
        this(true);
    }

    /** A framer that compares objects with templates, or (for tests) one that scans every byte. */
    Framer(boolean templates) {
        this.templates = templates ? new ValueTemplates() : null;
    }

    /** Starts at {@code position} (past a byte order mark, where the parser starts too). */
    void start(long position) {
        this.position = position;
        this.at = position;
    }

    /** Whether no scan is in progress: the next {@link #ready} starts one at the position. */
    boolean idle() {
        return phase == Phase.IDLE;
    }

    /** Bytes of objects framed by comparison with templates, in all. */
    long compared() {
        return templates == null ? 0 : templates.compared();
    }

    /** Where the bytes the framer may still look at begin: nothing before it is needed. */
    long retainFrom() {
        return position;
    }

    /**
     * Whether {@code bytes} (input positions {@code [from, available)}) hold the whole of the next
     * step. A scan that runs out of input is kept, for the next call with the same need.
     */
    boolean ready(Containers.Need next, int closeLevels, byte[] bytes, long from, long available) {
        if (phase == Phase.IDLE) {
            need = next;
            at = position;
            if (next == Containers.Need.CLOSE) {
                nesting = closeLevels;
                inString = false;
                depthAfter = depth - closeLevels;
                phase = Phase.NESTED;
            } else {
                phase = Phase.SPACE;
            }
        }
        windowFrom = from;
        windowBytes = bytes;
        int i = (int) (at - from);
        int limit = (int) (available - from);
        while (phase != Phase.READY) {
            if (i >= limit) {
                at = from + i;
                return false;
            }
            switch (phase) {
                case SPACE -> i = space(bytes, i, limit);
                case NESTED -> i = nested(bytes, i, limit);
                case TEMPLATE -> i = template(templates.frameOn(bytes, i, limit));
                case STRING -> i = string(bytes, i, limit);
                case AFTER_STRING -> i = afterString(bytes, i, limit);
                case AFTER_COLON -> i = afterColon(bytes, i);
                case BARE, BARE_VALUE -> i = bare(bytes, i, limit);
                default -> throw new IllegalStateException(phase.toString());
            }
        }
        at = from + i;
        return true;
    }

    /** The step ran: the next one starts after what it read. */
    void commit() {
        position = end;
        depth = depthAfter;
        phase = Phase.IDLE;
    }

    /** The input position of the bytes' first element, and the bytes, during a call of {@link #ready}. */
    private long windowFrom;
    private byte[] windowBytes;

    /** Blanks and separators before a token; then the token's first byte says what to scan. */
    private int space(byte[] b, int i, int limit) {
        while (i < limit) {
            byte c = b[i];
            if (c == ' ' && i + 8 <= limit) {
                i += Words.spaces(b, i); // a run of blanks: what SSE text's event: lines and data: prefixes filter to
                continue;
            }
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':') {
                i++;
                continue;
            }
            switch (CLASS[c & 0xFF]) {
                case OPEN -> {
                    if (need == Containers.Need.TOKEN) {
                        ready(i + 1, depth + 1);
                        return i + 1;
                    }
                    depthAfter = depth;
                    if (templates != null && c == '{') {
                        return object(b, i, limit);
                    }
                    nesting = 1;
                    inString = false;
                    escaped = false;
                    phase = Phase.NESTED;
                    return i + 1;
                }
                case CLOSE -> {
                    ready(i + 1, depth - 1);
                    return i + 1;
                }
                case QUOTE -> {
                    escaped = false;
                    phase = Phase.STRING;
                    return i + 1;
                }
                default -> {
                    phase = Phase.BARE;
                    return i;
                }
            }
        }
        return i;
    }

    /**
     * Inside an object or array: strings skipped, until {@link #nesting} containers have closed.
     * The hot loop of the incremental path: eight bytes at a time, with the quotes' running
     * parity telling which brackets are inside strings; only a word with a backslash goes byte by
     * byte.
     */
    private int nested(byte[] b, int i, int limit) {
        int n = nesting;
        boolean str = inString;
        boolean esc = escaped;
        while (i < limit) {
            if (!esc && i + 8 <= limit) {
                long w = Words.at(b, i);
                if (Words.zeros(w ^ BACKSLASHES) == 0) {
                    long parity = Words.zeros(w ^ QUOTES);
                    parity ^= parity << 8;
                    parity ^= parity << 16;
                    parity ^= parity << 32;
                    long inside = str ? ~parity & Words.HIGHS : parity; // bytes after an odd number of quotes
                    long folded = w | CASE; // [ and ] read as { and }
                    long opens = Words.zeros(folded ^ OPENS) & ~inside;
                    long closes = Words.zeros(folded ^ CLOSES) & ~inside;
                    int closing = Long.bitCount(closes);
                    if (closing >= n) {
                        // The nesting may close in this word: follow its brackets in order.
                        for (long marks = opens | closes; marks != 0; marks &= marks - 1) {
                            long bit = marks & -marks;
                            if ((closes & bit) == 0) {
                                n++;
                            } else if (--n == 0) {
                                int after = i + Words.first(bit) + 1;
                                nesting = 0;
                                inString = false;
                                escaped = false;
                                ready(after, depthAfter);
                                return after;
                            }
                        }
                    } else {
                        n += Long.bitCount(opens) - closing;
                    }
                    str = inside < 0;
                    i += 8;
                    continue;
                }
            }
            int wordEnd = Math.min(i + 8, limit);
            while (i < wordEnd) {
                byte c = b[i++];
                if (esc) {
                    esc = false;
                } else if (str) {
                    if (c == '"') {
                        str = false;
                    } else if (c == '\\') {
                        esc = true;
                    }
                } else {
                    byte cls = CLASS[c & 0xFF];
                    if (cls == QUOTE) {
                        str = true;
                    } else if (cls == OPEN) {
                        n++;
                    } else if (cls == CLOSE && --n == 0) {
                        nesting = 0;
                        inString = false;
                        escaped = false;
                        ready(i, depthAfter);
                        return i;
                    }
                }
            }
        }
        nesting = n;
        inString = str;
        escaped = esc;
        return i;
    }

    /** Past the closing quote of a string (inString cleared), or to the limit (inString kept). */
    private int stringEnd(byte[] b, int i, int limit) {
        if (escaped) {
            escaped = false;
            i++;
        }
        while (i < limit) {
            byte c = b[i++];
            if (c == '"') {
                inString = false;
                return i;
            }
            if (c == '\\') {
                if (i == limit) {
                    escaped = true;
                    return i;
                }
                i++;
            }
        }
        return i;
    }

    /** A string token: when it has closed, what follows says whether it is a field name. */
    private int string(byte[] b, int i, int limit) {
        inString = true;
        i = stringEnd(b, i, limit);
        if (!inString) {
            end = windowFrom + i;
            depthAfter = depth;
            phase = need == Containers.Need.TOKEN ? Phase.AFTER_STRING : Phase.READY;
        }
        return i;
    }

    /** A field name is read with the colon and the first token of its value: wait for them. */
    private int afterString(byte[] b, int i, int limit) {
        while (i < limit && isBlank(b[i])) {
            i++;
        }
        if (i < limit) {
            if (b[i] == ':') {
                phase = Phase.AFTER_COLON;
                return i + 1;
            }
            phase = Phase.READY;
        }
        return i;
    }

    private int afterColon(byte[] b, int i) {
        byte c = b[i];
        if (isBlank(c)) {
            return i + 1;
        }
        phase = ENDS_TOKEN[c & 0xFF] ? Phase.READY : Phase.BARE_VALUE;
        return i;
    }

    /** A bare token ends at a byte that cannot be part of it: the parser reads that byte too. */
    private int bare(byte[] b, int i, int limit) {
        while (i < limit && !ENDS_TOKEN[b[i] & 0xFF]) {
            i++;
        }
        if (i < limit) {
            if (phase == Phase.BARE) {
                ready(i, depth);
            } else {
                phase = Phase.READY; // the field name's value, looked ahead at: the name is the step
            }
        }
        return i;
    }

    /** An object to frame, opening at {@code b[i]}: its templates frame it, or say where to scan on. */
    private int object(byte[] b, int i, int limit) {
        objectOpen = windowFrom + i;
        return template(templates.frame(b, i, limit));
    }

    /** Where the templates left an object's framing, at {@code j}: ended, cut by the input's end (they go on), or the scan's. */
    private int template(int j) {
        if (templates.ended()) {
            ready(j, depthAfter);
        } else if (templates.cut()) {
            phase = Phase.TEMPLATE;
        } else {
            nesting = templates.nesting();
            inString = templates.inString();
            escaped = templates.escaped();
            phase = Phase.NESTED;
        }
        return j;
    }

    private void ready(int index, int after) {
        if (objectOpen >= 0) {
            templates.framed(windowBytes, (int) (objectOpen - windowFrom), index);
            objectOpen = -1;
        }
        end = windowFrom + index;
        depthAfter = after;
        phase = Phase.READY;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
