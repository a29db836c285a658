package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.testkit.dmp.CdaHeader;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One streaming (StAX) pass over a CDA: no DTD, no entity, no recursion, a nesting limit. Reads the
 * header fields the fake needs (type, title, patient INS) and tells when the document nests deeper
 * than {@link #MAX_DEPTH}, so that no later reader (DOM, recursive) ever sees such a document.
 */
public final class CdaScan {
    /** Deepest element nesting accepted (a real CDA nests a few dozen levels). */
    public static final int MAX_DEPTH = 256;

    private static final String HL7 = "urn:hl7-org:v3";
    private static final Set<String> INS_ROOTS = Set.of("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9",
            "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11");
    private static final XMLInputFactory FACTORY = factory();

    /** Outcome of a scan. */
    public enum Status {
        /** Read to the end. */
        OK,
        /** Not well-formed XML, or a DTD. */
        UNREADABLE,
        /** Nests deeper than {@link #MAX_DEPTH}. */
        TOO_DEEP
    }

    /**
     * @param status how the scan ended
     * @param header what was read (empty unless {@link Status#OK})
     */
    public record Result(Status status, CdaHeader header) {
    }

    private CdaScan() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** @return the scan of these bytes; never throws */
    public static Result scan(byte[] document) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
            return read(r);
        } catch (XMLStreamException | RuntimeException e) {
            return new Result(Status.UNREADABLE, CdaHeader.empty());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    private static Result read(XMLStreamReader r) throws XMLStreamException {
        int depth = 0;
        boolean cda = false;
        Optional<String> system = Optional.empty();
        Optional<String> code = Optional.empty();
        Optional<String> patient = Optional.empty();
        StringBuilder title = null;
        Optional<String> titleText = Optional.empty();
        int titleDepth = -1;
        String[] path = new String[4];
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                return new Result(Status.UNREADABLE, CdaHeader.empty());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth > MAX_DEPTH) {
                    return new Result(Status.TOO_DEEP, CdaHeader.empty());
                }
                boolean hl7 = HL7.equals(r.getNamespaceURI());
                String name = r.getLocalName();
                if (depth <= path.length) {
                    path[depth - 1] = hl7 ? name : "";
                }
                if (depth == 1) {
                    cda = hl7 && "ClinicalDocument".equals(name);
                } else if (cda && depth == 2 && "code".equals(name) && code.isEmpty()) {
                    code = nonEmpty(r.getAttributeValue(null, "code"));
                    system = nonEmpty(r.getAttributeValue(null, "codeSystem"));
                } else if (cda && depth == 2 && "title".equals(name) && titleText.isEmpty() && title == null) {
                    title = new StringBuilder();
                    titleDepth = depth;
                } else if (cda && depth == 4 && "id".equals(name) && patient.isEmpty()
                        && "recordTarget".equals(path[1]) && "patientRole".equals(path[2])
                        && INS_ROOTS.contains(String.valueOf(r.getAttributeValue(null, "root")))) {
                    patient = nonEmpty(r.getAttributeValue(null, "extension")).map(String::trim);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == titleDepth && title != null) {
                    titleText = nonEmpty(title.toString().trim());
                    title = null;
                    titleDepth = -1;
                }
                depth--;
            } else if (title != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && title.length() < 4096) {
                title.append(r.getText());
            }
        }
        if (!cda) {
            return new Result(Status.OK, CdaHeader.empty());
        }
        return new Result(Status.OK, new CdaHeader(system, code, titleText, patient));
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
