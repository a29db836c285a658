package fr.opendmp.cda.read.internal;

import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.core.xml.internal.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Secure, size- and depth-limited DOM parsing of CDA documents, with typed refusals. */
public final class SecureDom {

    private SecureDom() {
    }

    /**
     * Parses securely (no DOCTYPE, size and depth limits) and checks the root is a v3
     * {@code ClinicalDocument}.
     *
     * @param xml the document
     * @param maxBytes the largest size accepted
     * @param maxDepth the largest element nesting depth accepted
     * @throws CdaParseException when the input is refused
     */
    public static Document parse(InputStream xml, long maxBytes, int maxDepth) throws CdaParseException {
        Objects.requireNonNull(xml, "xml");
        Document doc;
        try {
            doc = SecureXml.documentBuilder(maxDepth).parse(new LimitedInputStream(xml, maxBytes));
        } catch (LimitedInputStream.LimitExceededException e) {
            throw tooLarge(e, maxBytes);
        } catch (SAXException e) {
            throw classify(e, maxBytes, maxDepth);
        } catch (IOException e) {
            throw new CdaParseException(CdaParseException.Reason.IO, "the input could not be read", e);
        }
        Element root = doc.getDocumentElement();
        if (!Dom.V3.equals(root.getNamespaceURI()) || !"ClinicalDocument".equals(root.getLocalName())) {
            throw new CdaParseException(CdaParseException.Reason.NOT_CDA,
                    "the root element is not {urn:hl7-org:v3}ClinicalDocument", null);
        }
        return doc;
    }

    private static CdaParseException tooLarge(Exception e, long maxBytes) {
        return new CdaParseException(CdaParseException.Reason.TOO_LARGE,
                "document exceeds the limit of " + maxBytes + " bytes", e);
    }

    private static CdaParseException classify(SAXException e, long maxBytes, int maxDepth) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.LimitExceededException) {
                return tooLarge(e, maxBytes);
            }
            if (t instanceof SAXException s && s.getException() instanceof LimitedInputStream.LimitExceededException) {
                return tooLarge(e, maxBytes);
            }
        }
        if (SecureXml.isDepthLimit(e)) {
            return new CdaParseException(CdaParseException.Reason.TOO_DEEP,
                    "elements nest deeper than the limit of " + maxDepth + " levels (" + location(e) + ")", null);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE") || m.contains("disallow-doctype-decl")) {
            return new CdaParseException(CdaParseException.Reason.DOCTYPE_FORBIDDEN,
                    "a DOCTYPE declaration is not allowed in a CDA document", null);
        }
        return new CdaParseException(CdaParseException.Reason.MALFORMED,
                "not well-formed XML (" + location(e) + ")", null);
    }

    private static String location(SAXException e) {
        if (e instanceof org.xml.sax.SAXParseException p) {
            return "line " + p.getLineNumber() + ", column " + p.getColumnNumber();
        }
        return "unknown position";
    }
}
