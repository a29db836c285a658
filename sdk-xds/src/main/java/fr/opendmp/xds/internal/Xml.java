package fr.opendmp.xds.internal;

import fr.opendmp.core.xml.internal.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Hardened XML parsing (no DTD, no external entity, no XInclude, secure processing, a nesting depth
 * limit) and small DOM helpers. Not API. Thread-safe.
 */
public final class Xml {

    /** The deepest nesting accepted (a DMPi answer needs under 30). */
    public static final int MAX_DEPTH = 100;

    private static final DocumentBuilderFactory FACTORY = factory();

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(SecureXml.SILENT);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    });

    private Xml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = SecureXml.documentBuilderFactory(MAX_DEPTH);
        try {
            // every parsed document is walked whole (answers read, CDAs canonicalised): build the nodes at once
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /**
     * @param bytes an XML document
     * @return its DOM
     * @throws SAXException if it is not well-formed, has a DOCTYPE or nests too deep
     */
    public static Document parse(byte[] bytes) throws SAXException {
        return parse(new ByteArrayInputStream(bytes));
    }

    /**
     * @param in an XML document (read to its end, not closed)
     * @return its DOM
     * @throws SAXException if it is not well-formed, has a DOCTYPE or nests too deep
     */
    public static Document parse(java.io.InputStream in) throws SAXException {
        DocumentBuilder b = BUILDER.get();
        try {
            return b.parse(in);
        } catch (IOException e) {
            throw new SAXException(e);
        } finally {
            b.reset();
            b.setErrorHandler(SecureXml.SILENT);
        }
    }

    /** @return a new empty document */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** @return the node serialised as UTF-8, no XML declaration, no indentation */
    public static byte[] serialize(Node node) {
        return SecureXml.serialize(node);
    }

    /** @return the element children of {@code parent} with this namespace and local name */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return every element child of {@code parent} */
    public static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the first element child with this namespace and local name */
    public static Optional<Element> child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return the element at this path of same-namespace children, if every step exists */
    public static Optional<Element> path(Element from, String ns, String... locals) {
        Optional<Element> at = Optional.of(from);
        for (String l : locals) {
            at = at.flatMap(e -> child(e, ns, l));
            if (at.isEmpty()) {
                return at;
            }
        }
        return at;
    }

    /** @return a non-empty attribute's value */
    public static Optional<String> attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** @return the trimmed text of an element, if not blank */
    public static Optional<String> text(Element e) {
        String v = e.getTextContent();
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** @return {@code s} escaped for XML text and attribute values */
    public static String esc(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '\r' -> "&#13;";
                default -> null;
            };
            if (r == null && c < 0x20 && c != '\n' && c != '\t') {
                r = "";
            }
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
