package fr.opendmp.cda.read.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link LimitExceededException} as soon as more than {@code max} bytes are read. */
public final class LimitedInputStream extends FilterInputStream {

    /** Thrown from {@code read} when the limit is passed. */
    public static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(long max) {
            super("input larger than " + max + " bytes");
        }
    }

    private final long max;
    private long count;

    /**
     * @param in the stream to guard
     * @param max the largest number of bytes allowed
     */
    public LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, max - count + 1));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > max) {
            throw new LimitExceededException(max);
        }
    }
}
