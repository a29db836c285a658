package fr.opendmp.testkit.dmp.dmpi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Our DMPi test templates (src/test/resources/dmpi), raw HTTP and XPath on the answers. */
final class DmpiMessages {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> NS = Map.of("soap", "http://www.w3.org/2003/05/soap-envelope",
            "wsa", "http://www.w3.org/2005/08/addressing", "hl7", "urn:hl7-org:v3", "rs",
            "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0", "rim", "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0",
            "query", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0", "xds", "urn:ihe:iti:xds-b:2007",
            "hab", "urn:si-dmp-habilitations", "xop", "http://www.w3.org/2004/08/xop/include");

    private DmpiMessages() {
    }

    static String template(String name, Map<String, String> values) {
        try (InputStream in = DmpiMessages.class.getResourceAsStream("/dmpi/" + name)) {
            String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                t = t.replace("${" + e.getKey() + "}", e.getValue());
            }
            return t.replaceAll("\\$\\{[A-Z_]+\\}", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String envelope(String action, String assertion, String body, String messageId) {
        String b = body.startsWith("<?xml") ? body.substring(body.indexOf("?>") + 2) : body;
        return template("envelope.xml", Map.of("ACTION", action, "ASSERTION", assertion, "BODY", b, "MESSAGE_ID", messageId));
    }

    /** An answer: status, content type, bytes, parsed root part. */
    record Answer(int status, String contentType, byte[] body, Document xml) {
        String xpath(String expr) {
            try {
                return (String) xp().evaluate(expr, xml, XPathConstants.STRING);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int count(String expr) {
            try {
                return ((NodeList) xp().evaluate(expr, xml, XPathConstants.NODESET)).getLength();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static XPath xp() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            public String getNamespaceURI(String p) {
                return NS.getOrDefault(p, "");
            }

            public String getPrefix(String u) {
                return null;
            }

            public java.util.Iterator<String> getPrefixes(String u) {
                return null;
            }
        });
        return x;
    }

    static Answer post(URI uri, String action, String envelope) {
        return post(HTTP, uri, action, envelope);
    }

    static Answer post(HttpClient client, URI uri, String action, String envelope) {
        return send(client, uri, "application/soap+xml; charset=UTF-8; action=\"" + action + "\"",
                envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts an MTOM request whose single attachment is {@code doc1.<messageId>@opendmp}. */
    static Answer postMtom(URI uri, String action, String envelope, String messageId, byte[] document) {
        return postMtom(HTTP, uri, action, envelope, messageId, new java.util.LinkedHashMap<>(Map.of("doc1", document)));
    }

    /** Posts an MTOM request; each part {@code name → bytes} has Content-ID {@code <name>.<messageId>@opendmp}. */
    static Answer postMtom(HttpClient client, URI uri, String action, String envelope, String messageId,
            java.util.LinkedHashMap<String, byte[]> parts) {
        String boundary = "MIMEBoundary_" + messageId.replace("-", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root." + messageId + "@opendmp>\r\n\r\n" + envelope)
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n"
                    + "Content-ID: <" + p.getKey() + "." + messageId + "@opendmp>\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.getValue());
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(client, uri, "multipart/related; type=\"application/xop+xml\"; start=\"<root." + messageId
                + "@opendmp>\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"; boundary=\"" + boundary + "\"",
                out.toByteArray());
    }

    /** Unused single-part variant kept for reference. */
    static Answer postMtomSingle(URI uri, String action, String envelope, String messageId, byte[] document) {
        String boundary = "MIMEBoundary_" + messageId.replace("-", "");
        String head = "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root." + messageId + "@opendmp>\r\n\r\n" + envelope
                + "\r\n--" + boundary + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <doc1."
                + messageId + "@opendmp>\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + document.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(document, 0, all, h.length, document.length);
        System.arraycopy(t, 0, all, h.length + document.length, t.length);
        return send(uri, "multipart/related; type=\"application/xop+xml\"; start=\"<root." + messageId
                + "@opendmp>\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"; boundary=\"" + boundary + "\"", all);
    }

    static Answer send(URI uri, String contentType, byte[] body) {
        return send(HTTP, uri, contentType, body);
    }

    static Answer send(HttpClient client, URI uri, String contentType, byte[] body) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            byte[] root = r.body();
            if (ct.startsWith("multipart/related")) {
                String s = new String(root, StandardCharsets.ISO_8859_1);
                int start = s.indexOf("<soap:Envelope");
                int end = s.indexOf("</soap:Envelope>") + "</soap:Envelope>".length();
                root = s.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(root));
            return new Answer(r.statusCode(), ct, r.body(), doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
