package fr.opendmp.xds.internal.c14n;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Characters encoded as UTF-8 into a buffer, escaped as canonical XML wants them in text or in an
 * attribute value, flushed to a stream in large blocks. The inner loop writes a run of characters
 * without a bounds check per character: a character never takes more than {@link #MAX_BYTES}
 * bytes. Surrogates come in pairs (the parser refuses a lone one), a pair possibly split between
 * two calls. Not API; not thread-safe.
 */
final class Utf8Sink {

    /** Escapes in text: {@code & < >} and carriage return (C14N 1.0 §2.3, text nodes). */
    static final byte[][] TEXT = escapes("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;");
    /** Escapes in attribute values: {@code & < "}, tab, line feed, carriage return (C14N 1.0 §2.3). */
    static final byte[][] ATTRIBUTE = escapes("&", "&amp;", "<", "&lt;", "\"", "&quot;", "\t", "&#x9;", "\n",
            "&#xA;", "\r", "&#xD;");
    /** No escape: names, comments, processing instructions. */
    static final byte[][] NONE = new byte[128][];

    /** The most bytes one character gives: a lone high surrogate (3) then an escape (6). */
    private static final int MAX_BYTES = 9;
    private static final int SIZE = 1 << 15;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private char[] scratch = new char[64];
    private int position;
    private char pendingHigh;

    Utf8Sink(OutputStream out) {
        this.out = out;
    }

    private static byte[][] escapes(String... pairs) {
        byte[][] table = new byte[128][];
        for (int i = 0; i < pairs.length; i += 2) {
            table[pairs[i].charAt(0)] = pairs[i + 1].getBytes(StandardCharsets.US_ASCII);
        }
        return table;
    }

    /** Writes an ASCII character of markup. */
    void markup(char c) {
        if (position == SIZE) {
            drain();
        }
        buffer[position++] = (byte) c;
    }

    /** Writes a string with the given escapes. */
    void write(String s, byte[][] escapes) {
        int n = s.length();
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        s.getChars(0, n, scratch, 0);
        write(scratch, 0, n, escapes);
    }

    /** Writes characters with the given escapes; a surrogate pair may be split between two calls. */
    void write(char[] chars, int offset, int length, byte[][] escapes) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int room = (SIZE - position) / MAX_BYTES;
            if (room == 0) {
                drain();
                continue;
            }
            int stop = Math.min(end, i + room);
            byte[] b = buffer;
            int p = position;
            for (; i < stop; i++) {
                char c = chars[i];
                if (c < 0x80 && escapes[c] == null) {
                    b[p++] = (byte) c;
                } else {
                    p = other(b, p, c, escapes);
                }
            }
            position = p;
        }
    }

    /** @return the position after an escaped, non-ASCII or surrogate character */
    private int other(byte[] b, int p, char c, byte[][] escapes) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                return pair(b, p, high, c);
            }
            p = three(b, p, high);
        }
        if (c < 0x80) {
            byte[] e = escapes[c];
            if (e == null) {
                b[p] = (byte) c;
                return p + 1;
            }
            System.arraycopy(e, 0, b, p, e.length);
            return p + e.length;
        }
        if (c < 0x800) {
            b[p] = (byte) (0xc0 | (c >> 6));
            b[p + 1] = (byte) (0x80 | (c & 0x3f));
            return p + 2;
        }
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            return p;
        }
        return three(b, p, c);
    }

    private static int three(byte[] b, int p, char c) {
        b[p] = (byte) (0xe0 | (c >> 12));
        b[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p + 2] = (byte) (0x80 | (c & 0x3f));
        return p + 3;
    }

    private static int pair(byte[] b, int p, char high, char low) {
        int cp = Character.toCodePoint(high, low);
        b[p] = (byte) (0xf0 | (cp >> 18));
        b[p + 1] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p + 2] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p + 3] = (byte) (0x80 | (cp & 0x3f));
        return p + 4;
    }

    private void ensure(int bytes) {
        if (SIZE - position < bytes) {
            drain();
        }
    }

    /** Writes what the buffer holds to the stream. */
    void flush() {
        if (pendingHigh != 0) {
            ensure(MAX_BYTES);
            position = three(buffer, position, pendingHigh);
            pendingHigh = 0;
        }
        drain();
    }

    private void drain() {
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }
}
