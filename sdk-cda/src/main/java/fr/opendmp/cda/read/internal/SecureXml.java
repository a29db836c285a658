package fr.opendmp.cda.read.internal;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/** XML parsers with DTDs, external entities and XInclude disabled. */
public final class SecureXml {

    private static final String NO_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    /** Fails on errors without printing anything (the JDK default prints to stderr). */
    private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
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

    private SecureXml() {
    }

    /** @return a namespace-aware DOM builder that refuses any DOCTYPE */
    public static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(NO_DOCTYPE, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(SILENT);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be secured", e);
        }
    }

    /** @return a namespace-aware SAX reader that refuses any DOCTYPE */
    public static XMLReader xmlReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(NO_DOCTYPE, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return r;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK SAX parser cannot be secured", e);
        }
    }
}
