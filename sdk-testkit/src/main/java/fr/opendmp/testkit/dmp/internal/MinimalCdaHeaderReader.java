package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.testkit.dmp.CdaHeader;
import fr.opendmp.testkit.dmp.CdaHeaderReader;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Built-in fallback: type from {@code ClinicalDocument/code}, title from {@code ClinicalDocument/title} (secure DOM). */
public final class MinimalCdaHeaderReader implements CdaHeaderReader {
    private static final String HL7 = "urn:hl7-org:v3";

    @Override
    public CdaHeader read(byte[] document) {
        try {
            Element root = CallerReader.secureBuilder().parse(new ByteArrayInputStream(document)).getDocumentElement();
            if (!"ClinicalDocument".equals(root.getLocalName()) || !HL7.equals(root.getNamespaceURI())) {
                return CdaHeader.empty();
            }
            Optional<String> system = Optional.empty();
            Optional<String> code = Optional.empty();
            Optional<String> title = Optional.empty();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && HL7.equals(e.getNamespaceURI())) {
                    if ("code".equals(e.getLocalName()) && code.isEmpty()) {
                        code = nonEmpty(e.getAttribute("code"));
                        system = nonEmpty(e.getAttribute("codeSystem"));
                    } else if ("title".equals(e.getLocalName()) && title.isEmpty()) {
                        title = nonEmpty(e.getTextContent().trim());
                    }
                }
            }
            return new CdaHeader(system, code, title);
        } catch (Exception e) {
            return CdaHeader.empty();
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
