package fr.opendmp.xds.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * MTOM/XOP (multipart/related): writes the ITI-41 request (root part then one binary part per
 * document) and reads multipart answers (ITI-43) with Apache James mime4j. Not API.
 */
public final class Mtom {

    /** The most parts an answer may have. */
    public static final int MAX_PARTS = 1000;

    private Mtom() {
    }

    /**
     * A part to send.
     *
     * @param contentId the Content-ID without angle brackets
     * @param contentType its Content-Type
     * @param content its exact bytes (a read-only view, never consumed: the body is written from
     *     duplicates, so a document is copied once, into the body)
     */
    public record Part(String contentId, String contentType, ByteBuffer content) {
    }

    /**
     * A multipart request.
     *
     * @param contentType the HTTP Content-Type
     * @param body the body bytes
     */
    public record Request(String contentType, byte[] body) {
    }

    /** @return a fresh Content-ID for a document part ({@code docN.<uuid>@opendmp}) */
    public static String contentId(String prefix, String unique) {
        return prefix + "." + unique + "@opendmp";
    }

    /** @return a new random token for Content-IDs of one message */
    public static String unique() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param action the SOAP action
     * @param rootId the root part's Content-ID (no brackets)
     * @param envelope the SOAP envelope, with {@code xop:Include} for each part
     * @param parts the attachments, in order
     * @return the multipart request
     */
    public static Request write(String action, String rootId, byte[] envelope, List<Part> parts) {
        String boundary = "MIMEBoundary_" + UUID.randomUUID().toString().replace("-", "");
        String contentType = "multipart/related; type=\"application/xop+xml\"; start=\"<" + rootId + ">\"; "
                + "start-info=\"application/soap+xml\"; action=\"" + action + "\"; boundary=\"" + boundary + "\"";
        byte[] head = ascii("--" + boundary + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"; action=\""
                + action + "\"\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + rootId + ">\r\n\r\n");
        List<byte[]> partHeads = new ArrayList<>(parts.size());
        long size = head.length + envelope.length;
        for (Part p : parts) {
            byte[] h = ascii("\r\n--" + boundary + "\r\n"
                    + "Content-Type: " + p.contentType() + "\r\n"
                    + "Content-Transfer-Encoding: binary\r\n"
                    + "Content-ID: <" + p.contentId() + ">\r\n\r\n");
            partHeads.add(h);
            size += h.length + p.content().remaining();
        }
        byte[] tail = ascii("\r\n--" + boundary + "--\r\n");
        size += tail.length;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("an MTOM request cannot exceed 2 GB");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(head).put(envelope);
        for (int i = 0; i < parts.size(); i++) {
            out.put(partHeads.get(i)).put(parts.get(i).content().duplicate());
        }
        out.put(tail);
        return new Request(contentType, out.array());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A multipart answer, read.
     *
     * @param root the root part (the SOAP envelope)
     * @param parts the other parts by Content-ID (no brackets, decoded)
     */
    public record Answer(byte[] root, Map<String, byte[]> parts) {
        /** @return the part an {@code xop:Include/@href} names (percent-decoded), if present */
        public Optional<byte[]> part(String href) {
            String id = href.startsWith("cid:") ? href.substring(4) : href;
            byte[] found = parts.get(id);
            if (found == null) {
                found = parts.get(decode(id));
            }
            return Optional.ofNullable(found);
        }
    }

    /** @return the Content-ID as parts are keyed: brackets removed, percent-decoded */
    static String decode(String id) {
        String v = id.trim();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return v;
        }
    }

    /**
     * @param contentType the HTTP Content-Type ({@code multipart/related; boundary=…})
     * @param body the body
     * @param maxPartBytes the largest part accepted
     * @return the root part and the others
     * @throws IOException if the body is not a readable multipart or a part is too large
     */
    public static Answer read(String contentType, byte[] body, long maxPartBytes) throws IOException {
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderCount(64).setMaxHeaderLen(16_384)
                .setMaxContentLen(-1).setStrictParsing(false).build();
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.parseHeadless(new ByteArrayInputStream(body), contentType);
        String start = parameter(contentType, "start").map(Mtom::decode).orElse(null);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        byte[] first = null;
        String firstCid = null;
        byte[] root = null;
        String cid = null;
        int count = 0;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> cid = null;
                    case T_FIELD -> {
                        Field f = stream.getField();
                        if ("content-id".equals(f.getName().toLowerCase(Locale.ROOT))) {
                            cid = decode(f.getBody());
                        }
                    }
                    case T_BODY -> {
                        if (++count > MAX_PARTS) {
                            throw new IOException("more than " + MAX_PARTS + " MIME parts");
                        }
                        byte[] bytes = readLimited(stream.getDecodedInputStream(), maxPartBytes);
                        if (first == null) {
                            first = bytes;
                            firstCid = cid;
                        }
                        if (start != null && start.equals(cid)) {
                            root = bytes;
                        } else if (cid != null) {
                            parts.put(cid, bytes);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException("unreadable multipart: " + e.getMessage(), e);
        }
        if (root == null) {
            root = first;
            if (root == null) {
                throw new IOException("a multipart answer without parts");
            }
            if (firstCid != null) {
                parts.remove(firstCid);
            }
        }
        return new Answer(root, parts);
    }

    private static byte[] readLimited(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16_384];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) {
                throw new IOException("a MIME part is larger than the limit of " + max + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** @return a parameter of a header value ({@code name="value"} or {@code name=value}) */
    public static Optional<String> parameter(String header, String name) {
        String lower = header.toLowerCase(Locale.ROOT);
        int at = 0;
        while (true) {
            int i = lower.indexOf(name.toLowerCase(Locale.ROOT) + "=", at);
            if (i < 0) {
                return Optional.empty();
            }
            if (i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1)) || i > 0 && lower.charAt(i - 1) == '-') {
                at = i + 1;
                continue;
            }
            int v = i + name.length() + 1;
            if (v < header.length() && header.charAt(v) == '"') {
                int end = header.indexOf('"', v + 1);
                return Optional.of(end < 0 ? header.substring(v + 1) : header.substring(v + 1, end));
            }
            int end = header.indexOf(';', v);
            return Optional.of((end < 0 ? header.substring(v) : header.substring(v, end)).trim());
        }
    }
}
