package fr.opendmp.xds.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Hardened XML parsing (no DTD, no external entity, no XInclude, secure processing, a nesting depth
 * limit) and small DOM helpers. Not API. Thread-safe.
 */
public final class Xml {

    /** The deepest nesting accepted (a DMPi answer needs under 30). */
    public static final int MAX_DEPTH = 100;

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static final DocumentBuilderFactory FACTORY = factory();

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(SILENT);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    });

    private Xml() {
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
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
            b.setErrorHandler(SILENT);
        }
    }

    /** @return a new empty document */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** @return the node serialised as UTF-8, no XML declaration, no indentation */
    public static byte[] serialize(Node node) {
        try {
            TransformerFactory f = TransformerFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
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
