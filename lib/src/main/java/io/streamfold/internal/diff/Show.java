package io.streamfold.internal.diff;

import io.streamfold.internal.json.Read;

/** A plain value on one line, for a difference's text: strings quoted, long ones cut. */
public final class Show {

    private static final int MAX = 120;

    private Show() {
    }

    public static String value(Object value) {
        String text = value instanceof String s ? Read.json(s) : value == null ? "null" : Read.json(value);
        return text.length() > MAX ? text.substring(0, MAX - 3) + "..." : text;
    }
}
