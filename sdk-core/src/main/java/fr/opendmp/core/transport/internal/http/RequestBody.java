package fr.opendmp.core.transport.internal.http;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of an {@link HttpCall}: bytes, or segments (bytes, and the base64 of a document) that are
 * produced while the body is sent, so that a deposit neither builds its whole body before the first
 * byte leaves nor holds the base64 of the document. Its length is known in advance (sent as
 * Content-Length), and every attempt reads it anew from the start: a retry sends the same bytes.
 * Not API. Immutable (the documents are read-only views, never consumed).
 */
public final class RequestBody {

    /** A part of a body. */
    public sealed interface Segment permits Bytes, Base64Of {
        /** @return how many bytes it adds to the body */
        long length();
    }

    /**
     * Bytes sent as they are.
     *
     * @param bytes the bytes (not copied; never modified afterwards)
     */
    public record Bytes(byte[] bytes) implements Segment {
        /** Checks the bytes. */
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /**
     * The standard base64 (RFC 4648, padded, no line break) of bytes, encoded while it is sent.
     *
     * @param content the bytes to encode (read-only view; each reading works on a duplicate)
     */
    public record Base64Of(ByteBuffer content) implements Segment {
        /** Checks the content. */
        public Base64Of {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public long length() {
            return 4L * ((content.remaining() + 2) / 3);
        }

        /** Never prints the content. */
        @Override
        public String toString() {
            return "Base64Of[" + content.remaining() + " bytes]";
        }
    }

    private final List<Segment> segments;
    private final long length;

    private RequestBody(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.length = this.segments.stream().mapToLong(Segment::length).sum();
    }

    /** @return a body of these bytes (not copied) */
    public static RequestBody of(byte[] bytes) {
        return new RequestBody(List.of(new Bytes(bytes)));
    }

    /** @return a body of these segments, in order */
    public static RequestBody of(List<Segment> segments) {
        return new RequestBody(segments);
    }

    /** @return the exact number of bytes the body sends */
    public long length() {
        return length;
    }

    /** @return a new stream over the whole body, from its first byte */
    public InputStream open() {
        return new SegmentsInput(segments);
    }

    /**
     * @return a publisher for one request: the bytes themselves for a body of bytes, else a stream
     *     opened by each subscription (each attempt), with the body's length as Content-Length
     */
    public HttpRequest.BodyPublisher publisher() {
        if (segments.size() == 1 && segments.get(0) instanceof Bytes b) {
            return HttpRequest.BodyPublishers.ofByteArray(b.bytes());
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::open),
                length);
    }

    /** Never prints the content. */
    @Override
    public String toString() {
        return "RequestBody[" + length + " bytes]";
    }

    /** Reads the segments one after the other, encoding base64 in slices as it goes. */
    private static final class SegmentsInput extends InputStream {
        /** Source bytes encoded at once (a multiple of 3, so that only the last slice is padded). */
        private static final int SLICE = 48 * 1024;

        private final List<Segment> segments;
        private int index = -1;
        private byte[] out = new byte[0];
        private int outPos;
        private int outEnd;
        private ByteBuffer source;
        private byte[] slice;
        private byte[] encoded;

        SegmentsInput(List<Segment> segments) {
            this.segments = segments;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (outPos == outEnd && !fill()) {
                    break;
                }
                int k = Math.min(len - n, outEnd - outPos);
                System.arraycopy(out, outPos, b, off + n, k);
                outPos += k;
                n += k;
            }
            return n == 0 ? -1 : n;
        }

        /** @return whether more bytes are ready in {@code out} */
        private boolean fill() {
            while (true) {
                if (source != null && source.hasRemaining()) {
                    int k = Math.min(SLICE, source.remaining());
                    byte[] in = k == SLICE ? slice() : new byte[k];
                    source.get(in, 0, k);
                    if (encoded == null) {
                        encoded = new byte[4 * (SLICE / 3)];
                    }
                    out = encoded;
                    outEnd = Base64.getEncoder().encode(in, out);
                    outPos = 0;
                    return true;
                }
                source = null;
                index++;
                if (index >= segments.size()) {
                    return false;
                }
                Segment s = segments.get(index);
                if (s instanceof Bytes b) {
                    if (b.bytes().length > 0) {
                        out = b.bytes();
                        outPos = 0;
                        outEnd = out.length;
                        return true;
                    }
                } else if (s instanceof Base64Of c) {
                    source = c.content().duplicate();
                }
            }
        }

        private byte[] slice() {
            if (slice == null) {
                slice = new byte[SLICE];
            }
            return slice;
        }
    }
}
