package io.streamfold.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.InputStream;

/**
 * jackson-core's UTF-8 parser with a faster {@code nextFieldName(SerializableString)},
 * {@link #nextFieldName(ExpectedKey)}, for the case {@link KeyOrder} lives on: the next key is the
 * one guessed. When the bytes from the last value to this one are the same as last time
 * ({@link ExpectedKey}), they are compared a word at a time, and the rows they hold are counted
 * from what was learned. Else Jackson would skip blanks one byte at a time, and a pretty-printed
 * recording (llama-stack's, a cassette's) is half indentation; here a run of up to eight spaces is
 * one step. The fast path reads only the common shape (blanks, the comma, blanks, the name byte
 * for byte as Jackson compares it, a colon, at most one blank, the first byte of a value) and then
 * leaves the parser in the very state Jackson's own code does: the same pointers, rows,
 * locations, context and next token. Anything else (a carriage return, a comment, another name,
 * bytes that run to the end of the buffer, a sign) is handed, untouched, to Jackson.
 * {@link #nextToken} and {@link #nextFieldName()} skip blanks as fast before an object's or
 * array's end and an array's next element or the next value at the root.
 *
 * <p>It uses jackson-core's protected parser API, the same from 2.15 on. One difference: the name
 * token is not counted against {@code StreamReadConstraints.maxTokenCount} (2.18 on), which
 * streamfold never sets.
 */
abstract class ExpectedNameParser extends UTF8StreamJsonParser {

    /** What the fast path did: nothing (Jackson reads), read the expected name, or the object's end. */
    private static final int UNHANDLED = 0;
    private static final int NAME = 1;
    private static final int END = 2;
    /** The first bytes of a value the fast path takes (as Jackson's {@code _isNextTokenNameYes} does). */
    private static final boolean[] VALUE_START = new boolean[256];

    static {
        for (char c : "\"{[ntf0123456789".toCharArray()) {
            VALUE_START[c] = true;
        }
    }

    /** Where the last {@link #blanks} ended a row: the row, and the index its first byte has. */
    private int row;
    private int rowStart;

    ExpectedNameParser(IOContext context, int features, InputStream in, ObjectCodec codec, ByteQuadsCanonicalizer names,
            byte[] buffer, int start, int end, int bytesPreProcessed, boolean recyclable) {
        super(context, features, in, codec, names, buffer, start, end, bytesPreProcessed, recyclable);
    }

    /** Jackson's, with blanks skipped fast before the end of an object or array, an array's next element or a root value. */
    @Override
    public JsonToken nextToken() throws IOException {
        if (_currToken != JsonToken.FIELD_NAME) {
            if (_tokenIncomplete) {
                _skipString();
            }
            JsonToken t = closeOrElement();
            if (t != null) {
                return t;
            }
        }
        return super.nextToken();
    }

    /** Jackson's, with blanks skipped fast before the end of the object. */
    @Override
    public String nextFieldName() throws IOException {
        if (_currToken != JsonToken.FIELD_NAME) {
            if (_tokenIncomplete) {
                _skipString();
            }
            if (_parsingContext.inObject() && closeOrElement() != null) {
                return null; // the object's end
            }
        }
        return super.nextFieldName();
    }

    /**
     * Jackson's {@code nextFieldName(SerializableString)} for the key {@link KeyOrder} guesses:
     * when the bytes up to its value are the very ones that led to it last time, they are
     * compared, not read.
     */
    boolean nextFieldName(ExpectedKey key) throws IOException {
        if (_currToken != JsonToken.FIELD_NAME) {
            if (_tokenIncomplete) {
                _skipString(); // what Jackson does first too
            }
            int read = key.length > 0 ? sameGap(key) : UNHANDLED;
            if (read == UNHANDLED) {
                read = expectedName(key);
            }
            if (read != UNHANDLED) {
                return read == NAME;
            }
        }
        return super.nextFieldName(key.name);
    }

    private int sameGap(ExpectedKey key) throws IOException {
        JsonReadContext context = _parsingContext;
        int ptr = _inputPtr;
        int value = ptr + key.length;
        if (ptr + key.wordsLength() > _inputEnd || value >= _inputEnd || !context.inObject()
                || context.getEntryCount() > 0 != key.comma) {
            return UNHANDLED;
        }
        byte[] b = _inputBuffer;
        int v = b[value] & 0xFF;
        if (!VALUE_START[v] || !key.sameAt(b, ptr)) {
            return UNHANDLED;
        }
        row = _currInputRow + key.newlines;
        rowStart = key.newlines > 0 ? ptr + key.rowStart : _currInputRowStart;
        return name(context, key.name.getValue(), ptr + key.nameStart, value, v);
    }

    /** Reads blanks, the comma and the expected name; on the way, learns the gap for {@code key}. */
    private int expectedName(ExpectedKey key) throws IOException {
        JsonReadContext context = _parsingContext;
        if (!context.inObject()) {
            return UNHANDLED;
        }
        byte[] b = _inputBuffer;
        int end = _inputEnd;
        int from = _inputPtr;
        int ptr = blanks();
        if (ptr >= end) {
            return UNHANDLED;
        }
        if (b[ptr] == '}') {
            close(context, ptr, JsonToken.END_OBJECT);
            return END;
        }
        boolean comma = context.getEntryCount() > 0;
        ptr = pastComma(context, b, ptr, end);
        if (ptr < 0 || b[ptr] != '"') {
            return UNHANDLED; // Jackson says what was expected
        }
        byte[] name = key.name.asQuotedUTF8();
        int nameStart = ptr + 1;
        int quote = nameStart + name.length;
        // Room for the colon, a blank and the value's first byte, as Jackson's own fast path wants.
        if (quote + 4 >= end || b[quote] != '"' || b[quote + 1] != ':') {
            return UNHANDLED;
        }
        for (int k = 0; k < name.length; k++) {
            if (b[nameStart + k] != name[k]) {
                return UNHANDLED;
            }
        }
        int at = quote + 2;
        if (b[at] == ' ' || b[at] == '\t') {
            at++;
        }
        int v = b[at] & 0xFF;
        if (!VALUE_START[v]) {
            return UNHANDLED;
        }
        key.learn(b, from, at, comma, row - _currInputRow, rowStart, nameStart);
        return name(context, key.name.getValue(), nameStart, at, v);
    }

    /**
     * Jackson's nextFieldName once it has matched the name: the comma counted, the name's location,
     * the name, then its {@code _isNextTokenNameYes} with the pointer past the value's first byte
     * {@code v}, at {@code at}. The blanks read end at {@link #row} and {@link #rowStart}.
     */
    private int name(JsonReadContext context, String value, int nameStart, int at, int v) throws IOException {
        commitBlanks(nameStart);
        context.expectComma();
        _nameStartRow = _currInputRow;
        _nameStartOffset = nameStart;
        _nameStartCol = nameStart - _currInputRowStart;
        context.setCurrentName(value);
        _inputPtr = at + 1;
        _currToken = JsonToken.FIELD_NAME;
        updateLocation();
        switch (v) {
            case '"' -> {
                _tokenIncomplete = true;
                _nextToken = JsonToken.VALUE_STRING;
            }
            case '{' -> _nextToken = JsonToken.START_OBJECT;
            case '[' -> _nextToken = JsonToken.START_ARRAY;
            case 'n' -> {
                _matchNull();
                _nextToken = JsonToken.VALUE_NULL;
            }
            case 't' -> {
                _matchTrue();
                _nextToken = JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                _matchFalse();
                _nextToken = JsonToken.VALUE_FALSE;
            }
            default -> _nextToken = _parseUnsignedNumber(v);
        }
        return NAME;
    }

    /**
     * After blanks: the end of the object or array the parser is in, or in an array the comma and
     * an element (at the root, a value: JSON Lines, SSE payloads) that opens an object, an array
     * or a string, read as Jackson's nextToken reads them; null when the bytes are anything else
     * (nothing is read then).
     */
    private JsonToken closeOrElement() throws IOException {
        JsonReadContext context = _parsingContext;
        byte[] b = _inputBuffer;
        int end = _inputEnd;
        int ptr = blanks();
        if (ptr >= end) {
            return null;
        }
        int c = b[ptr];
        if (c == '}' && context.inObject() || c == ']' && context.inArray()) {
            return close(context, ptr, c == '}' ? JsonToken.END_OBJECT : JsonToken.END_ARRAY);
        }
        if (context.inArray()) {
            ptr = pastComma(context, b, ptr, end);
        } else if (!context.inRoot()) {
            return null;
        }
        c = ptr < 0 ? 0 : b[ptr];
        if (c != '{' && c != '[' && c != '"') {
            return null;
        }
        commitBlanks(ptr + 1);
        context.expectComma();
        updateLocation();
        if (c == '{') {
            createChildObjectContext(_tokenInputRow, _tokenInputCol);
            return _currToken = JsonToken.START_OBJECT;
        }
        if (c == '[') {
            createChildArrayContext(_tokenInputRow, _tokenInputCol);
            return _currToken = JsonToken.START_ARRAY;
        }
        _tokenIncomplete = true;
        return _currToken = JsonToken.VALUE_STRING;
    }

    /** Past the blanks from the parser's pointer: the index of the first other byte, rows counted into {@link #row}. */
    private int blanks() {
        row = _currInputRow;
        rowStart = _currInputRowStart;
        return blanks(_inputBuffer, _inputPtr, _inputEnd);
    }

    /**
     * From {@code b[ptr]}, after blanks: past the comma and the blanks after it when the object
     * or array has entries already (Jackson expects a comma then), else {@code ptr}; -1 when the
     * bytes are not that.
     */
    private int pastComma(JsonReadContext context, byte[] b, int ptr, int end) {
        if (context.getEntryCount() == 0) {
            return ptr;
        }
        if (b[ptr] != ',') {
            return -1;
        }
        ptr = blanks(b, ptr + 1, end);
        return ptr < end ? ptr : -1;
    }

    /** The object or array closes at {@code b[ptr]}, after blanks, as Jackson's {@code _closeScope} closes it. */
    private JsonToken close(JsonReadContext context, int ptr, JsonToken token) {
        commitBlanks(ptr + 1);
        updateLocation();
        _parsingContext = context.clearAndGetParent();
        return _currToken = token;
    }

    /** Past spaces, tabs and line feeds from {@code ptr}, counting rows into {@link #row} and {@link #rowStart}. */
    private int blanks(byte[] b, int ptr, int end) {
        while (ptr < end) {
            byte c = b[ptr];
            if (c == ' ') {
                ptr += ptr + 8 <= end ? Words.spaces(b, ptr) : 1;
            } else if (c == '\n') {
                row++;
                rowStart = ++ptr;
            } else if (c == '\t') {
                ptr++;
            } else {
                return ptr;
            }
        }
        return ptr;
    }

    /** The blanks before {@code ptr} are read: as Jackson leaves its pointers and rows after them. */
    private void commitBlanks(int ptr) {
        _numTypesValid = NR_UNKNOWN;
        _binaryValue = null;
        _currInputRow = row;
        _currInputRowStart = rowStart;
        _inputPtr = ptr;
    }

    /** Jackson's {@code _updateLocation}: the current token starts here. */
    private void updateLocation() {
        _tokenInputRow = _currInputRow;
        _tokenInputTotal = _currInputProcessed + _inputPtr;
        _tokenInputCol = _inputPtr - _currInputRowStart;
    }
}
