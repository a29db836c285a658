package fr.opendmp.core.xml.internal;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XML parsers with DTDs, external entities and XInclude disabled, and a nesting depth limit: the
 * JDK's own parser ({@code newDefaultInstance}, so that another JAXP implementation on the class
 * path cannot drop the limit) with {@code jdk.xml.maxElementDepth}. A deeper document fails fast
 * with a {@link SAXException} that {@link #isDepthLimit(Throwable)} recognises, instead of
 * reaching recursive code (DOM {@code getTextContent}, section walks, XSLT) that would overflow
 * the stack. The one hardened parser of the SDK modules (CDA, VIHF, DMPi answers): not API.
 */
public final class SecureXml {

    /** The largest nesting depth accepted by default; the ANS CDA examples need fewer than 20. */
    public static final int DEFAULT_MAX_DEPTH = 256;
    /** The JDK property limiting element depth (JAXP00010006 when exceeded). */
    public static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    private static final String NO_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String DEPTH_ERROR = "JAXP00010006";

    /** Fails on errors without printing anything (the JDK default prints to stderr). */
    public static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** The hardening both parsers get: secure processing, no DOCTYPE, no external entity or DTD. */
    private static final Map<String, Boolean> FEATURES = features();

    /** The most depth limits whose configured factory is kept (the SDK uses a handful). */
    private static final int KEPT_FACTORIES = 16;

    /**
     * One configured factory per depth limit, shared: making and configuring a factory cost more
     * than the builder itself on every VIHF, CDA and DMPi message. Each call still gets its own
     * builder (a builder is not thread-safe); a factory is only read once configured.
     */
    private static final Map<Integer, DocumentBuilderFactory> FACTORIES = new ConcurrentHashMap<>();

    /** One serialiser per thread: a {@code Transformer} is not thread-safe, but reusable on its thread. */
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(SecureXml::newSerializer);

    private SecureXml() {
    }

    private static Map<String, Boolean> features() {
        Map<String, Boolean> f = new LinkedHashMap<>();
        f.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.put(NO_DOCTYPE, true);
        f.put("http://xml.org/sax/features/external-general-entities", false);
        f.put("http://xml.org/sax/features/external-parameter-entities", false);
        f.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return Collections.unmodifiableMap(f);
    }

    /** @return a namespace-aware DOM builder that refuses any DOCTYPE, with the default depth limit */
    public static DocumentBuilder documentBuilder() {
        return documentBuilder(DEFAULT_MAX_DEPTH);
    }

    /**
     * @param maxDepth the largest element nesting depth accepted (the root is at depth 1)
     * @return a namespace-aware DOM builder that refuses any DOCTYPE and deeper documents
     */
    public static DocumentBuilder documentBuilder(int maxDepth) {
        try {
            DocumentBuilder b = sharedFactory(maxDepth).newDocumentBuilder();
            b.setErrorHandler(SILENT);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be secured", e);
        }
    }

    private static DocumentBuilderFactory sharedFactory(int maxDepth) {
        DocumentBuilderFactory kept = FACTORIES.get(maxDepth);
        if (kept != null) {
            return kept;
        }
        DocumentBuilderFactory made = documentBuilderFactory(maxDepth);
        return FACTORIES.size() < KEPT_FACTORIES ? FACTORIES.computeIfAbsent(maxDepth, d -> made) : made;
    }

    /**
     * @param maxDepth the largest element nesting depth accepted (the root is at depth 1)
     * @return a namespace-aware DOM factory that refuses any DOCTYPE and deeper documents, for a
     *     caller that adds its own settings; its builders need {@link #SILENT} as error handler
     */
    public static DocumentBuilderFactory documentBuilderFactory(int maxDepth) {
        checkDepth(maxDepth);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            for (Map.Entry<String, Boolean> feature : FEATURES.entrySet()) {
                f.setFeature(feature.getKey(), feature.getValue());
            }
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(MAX_ELEMENT_DEPTH, Integer.toString(maxDepth));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be secured", e);
        }
    }

    /**
     * @param node a DOM node
     * @return the node serialised as UTF-8, without XML declaration nor indentation
     */
    public static byte[] serialize(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SERIALIZER.get().transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            SERIALIZER.remove();
            throw new IllegalStateException("cannot serialise XML", e);
        } catch (RuntimeException e) {
            SERIALIZER.remove();
            throw e;
        }
    }

    private static Transformer newSerializer() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot make the XML serialiser", e);
        }
    }

    /** @return a namespace-aware SAX reader that refuses any DOCTYPE, with the default depth limit */
    public static XMLReader xmlReader() {
        return xmlReader(DEFAULT_MAX_DEPTH);
    }

    /**
     * @param maxDepth the largest element nesting depth accepted (the root is at depth 1)
     * @return a namespace-aware SAX reader that refuses any DOCTYPE and deeper documents
     */
    public static XMLReader xmlReader(int maxDepth) {
        checkDepth(maxDepth);
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            for (Map.Entry<String, Boolean> feature : FEATURES.entrySet()) {
                f.setFeature(feature.getKey(), feature.getValue());
            }
            f.setXIncludeAware(false);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            r.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(maxDepth));
            return r;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK SAX parser cannot be secured", e);
        }
    }

    /**
     * @param e a parse failure
     * @return whether it (or a cause) is the depth limit being exceeded (JAXP00010006, whatever
     *     the locale of the message)
     */
    public static boolean isDepthLimit(Throwable e) {
        Throwable t = e;
        for (int hops = 0; t != null && hops < 16; hops++) {
            String m = t.getMessage();
            if (m != null && (m.contains(DEPTH_ERROR) || m.contains("maxElementDepth"))) {
                return true;
            }
            t = t instanceof SAXException s && s.getException() != null ? s.getException() : t.getCause();
        }
        return false;
    }

    private static void checkDepth(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1");
        }
    }
}
