package fr.opendmp.cda.read.internal;

import java.io.InputStream;

/** The ASCII bytes of a character sequence (base64 text), without copying it. */
public final class CharSequenceInputStream extends InputStream {

    private final CharSequence text;
    private int pos;

    /** @param text ASCII text */
    public CharSequenceInputStream(CharSequence text) {
        this.text = text;
    }

    @Override
    public int read() {
        return pos < text.length() ? text.charAt(pos++) & 0x7F : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= text.length()) {
            return -1;
        }
        int n = Math.min(len, text.length() - pos);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (text.charAt(pos++) & 0x7F);
        }
        return n;
    }
}
