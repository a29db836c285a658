package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.N1Parser;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaParticipant;
import fr.opendmp.core.code.Code;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The document embedded in an N1 CDA (IHE XDS-SD: structured header, {@code nonXMLBody}), usually a
 * PDF, with the metadata a doctor needs to show it: any N1 document, the directives anticipées
 * ({@code EXPPAT_3}) among them. A body whose base64 is corrupt, whose representation is unknown,
 * or that claims to be a PDF without being one is listed in {@link #unreadable()} (and
 * {@link #content()} is then empty).
 *
 * <pre>{@code
 * EmbeddedDocument n1 = EmbeddedDocument.read(CdaReader.read(bytes));
 * if (n1.isPdf()) viewer.show(n1.content());
 * }</pre>
 *
 * @param documentType the document type (J07, e.g. LOINC {@code 11502-2}, TRE_A05 {@code EXPPAT_3}), if any
 * @param title the title, if any
 * @param created the document's creation time, if given
 * @param authors the authors
 * @param mediaType the body's media type, e.g. {@code application/pdf} ("" when absent)
 * @param content the decoded bytes (a copy is returned; empty when unreadable)
 * @param unreadable what could not be read, and why
 */
public record EmbeddedDocument(Optional<Code> documentType, Optional<String> title, Optional<OffsetDateTime> created,
        List<CdaParticipant> authors, String mediaType, byte[] content, List<Unreadable> unreadable)
        implements ClinicalContent {

    /** The TRE_A05 code of the directives anticipées. */
    public static final String ADVANCE_DIRECTIVES = "EXPPAT_3";

    /**
     * Checks presence, copies the lists and the bytes.
     *
     * @param documentType the document type
     * @param title the title
     * @param created the created
     * @param authors the authors
     * @param mediaType the media type
     * @param content the content
     * @param unreadable the unreadable
     */
    public EmbeddedDocument {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(created, "created");
        authors = List.copyOf(authors);
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads an N1 document.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return the embedded document and its metadata
     * @throws ContentKindException if it is not an N1 document
     */
    public static EmbeddedDocument read(CdaDocument cda) {
        return N1Parser.parse(cda);
    }

    /** @return a copy of the decoded bytes */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** @return whether the body is a PDF: media type {@code application/pdf} and bytes starting {@code %PDF-} */
    public boolean isPdf() {
        return "application/pdf".equals(mediaType) && N1Parser.startsAsPdf(content);
    }

    /** @return whether this is a directives anticipées document ({@code EXPPAT_3}) */
    public boolean isAdvanceDirectives() {
        return documentType.filter(c -> ADVANCE_DIRECTIVES.equals(c.code())).isPresent();
    }

    /** Compares the bytes by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EmbeddedDocument e && documentType.equals(e.documentType) && title.equals(e.title)
                && created.equals(e.created) && authors.equals(e.authors) && mediaType.equals(e.mediaType)
                && Arrays.equals(content, e.content) && unreadable.equals(e.unreadable);
    }

    /** Hashes the bytes by content. */
    @Override
    public int hashCode() {
        return Objects.hash(documentType, title, created, authors, mediaType, Arrays.hashCode(content), unreadable);
    }

    /** Masked: the media type and size only, never the title or the bytes. */
    @Override
    public String toString() {
        return "EmbeddedDocument[" + documentType.map(Code::code).orElse("no type") + ", " + mediaType + ", "
                + content.length + " bytes, title " + (title.isPresent() ? "***" : "none") + ", unreadable="
                + unreadable.size() + "]";
    }
}
