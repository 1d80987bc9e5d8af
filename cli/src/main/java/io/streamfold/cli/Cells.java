package io.streamfold.cli;

/**
 * Text in table cells, measured in terminal columns: most characters take one, East Asian wide
 * characters and emoji two, combining marks and zero-width characters none. Cut text ends (or
 * starts) with {@code ...} and never splits a surrogate pair.
 */
final class Cells {

    static final String ELLIPSIS = "...";

    private Cells() {
    }

    /**
     * The text on one line: line breaks and tabs as spaces, other control characters dropped, and
     * half a surrogate pair (a stream cut inside an emoji) as U+FFFD, one column wide.
     */
    static String flat(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 4096));
        for (int i = 0; i < text.length() && sb.length() < 4096; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\ufffd');
            } else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += width(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200b) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x2600 && cp <= 0x27bf)
                || (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
    }

    /** The text in at most {@code columns} columns: cut at the end, with {@code ...}, when longer. */
    static String cut(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        if (columns <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, columns));
        }
        int room = columns - ELLIPSIS.length();
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (used + width(cp) > room) {
                break;
            }
            used += width(cp);
            end += Character.charCount(cp);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** The text in at most {@code columns} columns: cut at the start, with {@code ...}, when longer (paths). */
    static String cutLeft(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        if (columns <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, columns));
        }
        int room = columns - ELLIPSIS.length();
        int used = 0;
        int start = text.length();
        while (start > 0) {
            int cp = text.codePointBefore(start);
            if (used + width(cp) > room) {
                break;
            }
            used += width(cp);
            start -= Character.charCount(cp);
        }
        return ELLIPSIS + text.substring(start);
    }

    /** The text in at most {@code columns} columns: its start and end kept, {@code ...} between, when longer (names). */
    static String cutMiddle(String text, int columns) {
        if (width(text) <= columns || columns <= ELLIPSIS.length() + 2) {
            return cut(text, columns);
        }
        int room = columns - ELLIPSIS.length();
        String end = cutLeft(text, room / 2 + ELLIPSIS.length()).substring(ELLIPSIS.length());
        String start = cut(text, room - width(end) + ELLIPSIS.length());
        return start.endsWith(ELLIPSIS) ? start + end : start.substring(0, start.length()) + ELLIPSIS + end;
    }

    /**
     * The text in lines of at most {@code columns} columns, broken at spaces (a word wider than a
     * line is broken where it must), the lines after the first indented by two spaces.
     */
    static String wrap(String text, int columns) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int used = 0;
        boolean content = false; // the line holds a word, not only its indent
        for (String word : text.split(" ")) {
            int w = width(word);
            if (content && used + 1 + w > columns) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append("  ");
                used = 2;
                content = false;
            }
            if (content) {
                line.append(' ');
                used++;
            }
            while (used + w > columns && w > 0) {
                String head = cutPlain(word, columns - used);
                if (head.isEmpty()) {
                    break; // not even one character fits: leave the word whole
                }
                out.append(line).append(head).append('\n');
                word = word.substring(head.length());
                w = width(word);
                line.setLength(0);
                line.append("  ");
                used = 2;
            }
            line.append(word);
            used += w;
            content = true;
        }
        return out.append(line).toString();
    }

    /** As much of the start of the text as fits in the columns, without an ellipsis or half a pair. */
    private static String cutPlain(String text, int columns) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (used + width(cp) > columns) {
                break;
            }
            used += width(cp);
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    /** The text followed by spaces up to {@code columns} columns. */
    static String pad(String text, int columns) {
        int missing = columns - width(text);
        return missing > 0 ? text + " ".repeat(missing) : text;
    }
}
