package fr.opendmp.cda.read;

import fr.opendmp.cda.read.internal.DocumentAccess;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.cda.read.internal.HeaderParser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A CDA document read by {@link CdaReader}: its typed header and access to its body. Immutable once
 * read (the DOM it was read from is kept for the typed readers of {@code fr.opendmp.cda.content},
 * which walk it under the document's lock, but is never exposed).
 */
public final class CdaDocument {

    /** templateId of the IHE XDS-SD (N1, PDF-wrapping) model. */
    public static final String N1_TEMPLATE = "1.3.6.1.4.1.19376.1.2.20";

    private final CdaHeader header;
    private final List<CdaSection> sections;
    private final Optional<NonXmlBody> nonXmlBody;
    private final boolean structured;
    private final Element root;

    static {
        DocumentAccess.install(d -> d.root);
    }

    CdaDocument(Element root) {
        this.root = Objects.requireNonNull(root, "root");
        this.header = HeaderParser.header(root);
        Element body = Dom.path(root, "component", "structuredBody");
        this.structured = body != null;
        this.sections = body == null ? List.of() : HeaderParser.sections(body);
        Element text = Dom.path(root, "component", "nonXMLBody", "text");
        this.nonXmlBody = Optional.ofNullable(text).map(t -> new NonXmlBody(t.getAttribute("mediaType"),
                t.getAttribute("representation"), t.getTextContent()));
    }

    /** @return the typed header */
    public CdaHeader header() {
        return header;
    }

    /** @return the top-level sections of the structured body (empty for an N1 document) */
    public List<CdaSection> sections() {
        return sections;
    }

    /** @return whether the body is a {@code structuredBody} */
    public boolean isStructured() {
        return structured;
    }

    /** @return the N1 body ({@code nonXMLBody}), when the document has one */
    public Optional<NonXmlBody> nonXmlBody() {
        return nonXmlBody;
    }

    /** @return whether this is an N1 (XDS-SD) document: the N1 templateId and a {@code nonXMLBody} */
    public boolean isN1() {
        return header.hasTemplate(N1_TEMPLATE) && nonXmlBody.isPresent();
    }

    /** Shows only the document id and type, never patient data. */
    @Override
    public String toString() {
        return "CdaDocument[" + header.id().map(Object::toString).orElse("no id") + ", "
                + header.code().map(c -> c.code()).orElse("no code") + "]";
    }
}
