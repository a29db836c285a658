package fr.opendmp.testkit.dmp.internal.dmpi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A received SOAP message: the parsed envelope and, for MTOM/XOP, the attachment parts by Content-ID.
 *
 * @param envelope the parsed envelope
 * @param soap11 whether the envelope uses the SOAP 1.1 namespace
 * @param parts the MIME parts other than the root, by Content-ID without angle brackets
 * @param multipart whether the request was multipart/related
 */
record SoapMessage(Document envelope, boolean soap11, Map<String, byte[]> parts, boolean multipart) {
    /** Most MIME parts a request may carry. */
    static final int MAX_PARTS = 1_000;

    /** Parses a request body of this Content-Type. */
    static SoapMessage read(byte[] body, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("multipart/related")) {
            return multipart(body, contentType);
        }
        if (!ct.startsWith("application/soap+xml") && !ct.startsWith("text/xml")) {
            throw SoapFault.sender("UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be application/soap+xml or multipart/related (MTOM)");
        }
        return of(Xml.parse(body), Map.of(), false);
    }

    private static SoapMessage of(Document doc, Map<String, byte[]> parts, boolean multipart) {
        Element root = doc.getDocumentElement();
        boolean soap11 = Xml.is(root, Ns.SOAP11, "Envelope");
        if (!soap11 && !Xml.is(root, Ns.SOAP12, "Envelope")) {
            throw new SoapFault("VersionMismatch", null, null, "SOAP_VERSION",
                    "the root element is not a SOAP 1.2 Envelope");
        }
        return new SoapMessage(doc, soap11, parts, multipart);
    }

    private static SoapMessage multipart(byte[] body, String contentType) {
        String start = param(contentType, "start").map(SoapMessage::stripBrackets).orElse(null);
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.custom().setMaxHeaderCount(100)
                .setMaxLineLen(-1).setMaxHeaderLen(64 * 1024).build());
        Map<String, byte[]> parts = new HashMap<>();
        byte[] root = null;
        try {
            stream.parseHeadless(new ByteArrayInputStream(body), contentType);
            Map<String, String> headers = new HashMap<>();
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                switch (s) {
                    case T_START_HEADER -> headers = new HashMap<>();
                    case T_FIELD -> headers.put(stream.getField().getName().toLowerCase(Locale.ROOT),
                            stream.getField().getBody().trim());
                    case T_BODY -> {
                        byte[] bytes = stream.getDecodedInputStream().readAllBytes();
                        String id = stripBrackets(headers.getOrDefault("content-id", ""));
                        boolean isRoot = start != null ? start.equals(id) : root == null;
                        if (isRoot && root == null) {
                            root = bytes;
                        } else {
                            if (parts.size() >= MAX_PARTS) {
                                throw SoapFault.sender("TOO_MANY_PARTS", "more than " + MAX_PARTS + " MIME parts");
                            }
                            parts.put(id, bytes);
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException | MimeException | RuntimeException e) {
            if (e instanceof SoapFault f) {
                throw f;
            }
            throw SoapFault.sender("MALFORMED_MIME", "the multipart/related body cannot be read");
        }
        if (root == null) {
            throw SoapFault.sender("MALFORMED_MIME", "the multipart/related body has no root part");
        }
        return of(Xml.parse(root), Map.copyOf(parts), true);
    }

    /** @return the value of a Content-Type parameter, unquoted */
    static Optional<String> param(String contentType, String name) {
        for (String p : contentType.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static String stripBrackets(String id) {
        String v = id.trim();
        return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }

    /** @return the bytes a {@code xop:Include href="cid:..."} points to, if present (href URL-decoded) */
    Optional<byte[]> part(String href) {
        if (!href.startsWith("cid:")) {
            return Optional.empty();
        }
        String raw = href.substring(4);
        byte[] found = parts.get(raw);
        if (found == null) {
            found = parts.get(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(found);
    }

    /** @return the SOAP namespace of the envelope */
    String soapNs() {
        return soap11 ? Ns.SOAP11 : Ns.SOAP12;
    }

    /** @return the Header element, if any */
    Optional<Element> header() {
        return Xml.child(envelope.getDocumentElement(), soapNs(), "Header");
    }

    /** @return the single child of Body */
    Element bodyRoot() {
        Element body = Xml.child(envelope.getDocumentElement(), soapNs(), "Body")
                .orElseThrow(() -> SoapFault.sender("NO_BODY", "the Envelope has no Body"));
        var children = Xml.children(body);
        if (children.size() != 1) {
            throw SoapFault.sender("BODY_CHILDREN", "the Body must have exactly one child element");
        }
        return children.get(0);
    }
}
