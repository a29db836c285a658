package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.CdaBuildException;
import fr.opendmp.core.code.Code;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin StAX writer for CDA: default namespace {@code urn:hl7-org:v3}, checked exceptions unwrapped. */
public final class Xml {

    /** The HL7 v3 namespace. */
    public static final String V3 = "urn:hl7-org:v3";
    /** The XML Schema instance namespace. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLStreamWriter w;
    private InstanceId sectionBase = InstanceId.of("2.25.0");
    private int sections;

    /** @param out where the UTF-8 bytes go (not closed) */
    public Xml(OutputStream out) {
        try {
            this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("no StAX writer", e);
        }
    }

    /** Sets the id sections derive theirs from (the document id): deterministic and unique per document. */
    public void sectionIdBase(InstanceId documentId) {
        this.sectionBase = documentId;
    }

    /** @return the next section id: the document id root, extension {@code [docExtension.]sN} */
    public InstanceId nextSectionId() {
        sections++;
        return InstanceId.of(sectionBase.root(), sectionBase.extension().map(e -> e + ".").orElse("") + "s" + sections);
    }

    /** Writes the XML declaration and opens {@code ClinicalDocument}. */
    public Xml startDocument() {
        return run(() -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(V3);
            w.writeStartElement(V3, "ClinicalDocument");
            w.writeDefaultNamespace(V3);
            w.writeNamespace("xsi", XSI);
        });
    }

    /** Closes every open element and flushes. */
    public void endDocument() {
        run(() -> {
            w.writeEndDocument();
            w.flush();
        });
    }

    /** Opens an element with attribute name/value pairs (null values are skipped). */
    public Xml start(String name, String... attrs) {
        return run(() -> {
            w.writeStartElement(V3, name);
            attributes(attrs);
        });
    }

    /** Writes an empty element with attribute name/value pairs (null values are skipped). */
    public Xml empty(String name, String... attrs) {
        return run(() -> {
            w.writeEmptyElement(V3, name);
            attributes(attrs);
        });
    }

    /** Writes an {@code xsi:type} attribute on the element just opened. */
    public Xml xsiType(String type) {
        return run(() -> w.writeAttribute("xsi", XSI, "type", type));
    }

    /** Closes the current element. */
    public Xml end() {
        return run(w::writeEndElement);
    }

    /** Writes text (escaped). */
    public Xml text(String text) {
        return run(() -> w.writeCharacters(text));
    }

    /** Writes text from a buffer (escaped). */
    public Xml text(char[] buf, int off, int len) {
        return run(() -> w.writeCharacters(buf, off, len));
    }

    /** Writes {@code <name>text</name>}. */
    public Xml element(String name, String text) {
        return start(name).text(text).end();
    }

    /** Writes an {@code II} element. */
    public Xml id(String name, InstanceId id) {
        return empty(name, "root", id.root(), "extension", id.extension().orElse(null));
    }

    /** Writes a coded element ({@code code}, {@code codeSystem} OID, {@code displayName}). */
    public Xml code(String name, Code code, String... extraAttrs) {
        String oid = code.systemOid().orElseThrow(() -> new CdaBuildException(CdaBuildException.Reason.INVALID_VALUE,
                "the code system of " + code.code() + " has no known OID: " + code.system()));
        String[] attrs = new String[6 + extraAttrs.length];
        attrs[0] = "code";
        attrs[1] = code.code();
        attrs[2] = "codeSystem";
        attrs[3] = oid;
        attrs[4] = "displayName";
        attrs[5] = code.display().isEmpty() ? null : code.display();
        System.arraycopy(extraAttrs, 0, attrs, 6, extraAttrs.length);
        return empty(name, attrs);
    }

    private void attributes(String... attrs) throws XMLStreamException {
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                w.writeAttribute(attrs[i], attrs[i + 1]);
            }
        }
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private Xml run(Step s) {
        try {
            s.run();
            return this;
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("CDA writing failed", e);
        }
    }
}
