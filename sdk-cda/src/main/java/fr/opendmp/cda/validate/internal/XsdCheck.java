package fr.opendmp.cda.validate.internal;

import fr.opendmp.core.xml.internal.SecureXml;
import fr.opendmp.cda.validate.ValidationIssue.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** The CDA extended XSD of the ANS package, loaded once with the JDK's W3C schema factory. */
public final class XsdCheck {

    private final Schema schema;

    /**
     * Loads the schema (0.5–2 s). External access is limited to {@code file:} for the schema's own
     * imports and DTDs; the validated documents get no external access at all.
     *
     * @param xsd {@code infrastructure/cda/CDA_extended.xsd}
     */
    public XsdCheck(Path xsd) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            // Some XSD files of the package declare a DTD: local files only, for the schema alone.
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
            this.schema = f.newSchema(xsd.toAbsolutePath().normalize().toFile());
        } catch (SAXException e) {
            throw new IllegalArgumentException("the CDA XSD of the ANS package cannot be loaded: " + xsd, e);
        }
    }

    /**
     * Validates the document and adds every XSD error (not only the first).
     *
     * @param xml the document
     * @param maxDepth the deepest element nesting accepted
     * @param issues where to add the findings
     */
    public void validate(byte[] xml, int maxDepth, Issues issues) {
        Validator v = schema.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK validator cannot be secured", e);
        }
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                issues.warning(Source.XSD, "xsd", at(e), e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                issues.error(Source.XSD, "xsd", at(e), e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                issues.error(Source.XSD, "xsd", at(e), e.getMessage());
            }
        });
        try {
            v.validate(new SAXSource(SecureXml.xmlReader(maxDepth), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXException e) {
            if (issues.errors().isEmpty()) {
                issues.error(Source.XSD, "xsd", "document", "XSD validation stopped: " + e.getMessage());
            }
        } catch (IOException e) {
            issues.error(Source.XSD, "xsd", "document", "XSD validation failed to read the document");
        }
    }

    private static String at(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
    }
}
