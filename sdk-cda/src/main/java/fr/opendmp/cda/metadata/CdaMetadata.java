package fr.opendmp.cda.metadata;

import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.metadata.internal.FormatCodes;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaHeader;
import fr.opendmp.cda.read.CdaPatient;
import fr.opendmp.cda.read.CdaParticipant;
import fr.opendmp.cda.read.CdaServiceEvent;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentTarget;
import fr.opendmp.core.document.DocumentTypeException;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.document.TypeClassTable;
import fr.opendmp.core.document.ValueSetCheck;
import fr.opendmp.core.ins.Ins;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the DMP document metadata from a CDA header (ANS CI-SIS: header of the "Volet Structuration minimale", ConceptMap ASS_A11 and the DocumentEntry model of the PDSM4DMP implementation guide): type, class (from the type),
 * format (from the model templateId), title, creation time, author(s), legal authenticator,
 * confidentiality, service period, events, facility type and practice setting, uniqueId.
 *
 * <pre>{@code
 * DocumentMetadata m = CdaMetadata.derive(CdaReader.read(bytes));
 * Optional<Ins> patient = CdaMetadata.patientIns(cda);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CdaMetadata {

    /** TRE_A03 class 60 "Données de remboursement" (the class of REMB documents in the ANS tables). */
    public static final Code CLASS_REMBOURSEMENT = Code.of(CodeSystems.TRE_A03, "60", "Données de remboursement");

    private static final CdaMetadata DEFAULT = builder().build();

    private final String contentType;
    private final TypeClassTable classes;
    private final ValueSetCheck check;
    private final DocumentTarget target;

    private CdaMetadata(Builder b) {
        this.contentType = b.contentType;
        this.classes = b.classes;
        this.check = b.check;
        this.target = b.target;
    }

    /** @return a builder for non-default derivations */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Derives the metadata with the defaults (mime type {@code application/xml}, the ANS type→class
     * tables, strict value-set check for the DMP).
     *
     * @param cda the cda
     * @return the DMP metadata of the document
     * @throws CdaMetadataException naming what the header lacks
     * @throws DocumentTypeException if the document type has no class in the ANS tables or is not
     *     accepted by the DMP
     */
    public static DocumentMetadata derive(CdaDocument cda) {
        return DEFAULT.toMetadata(cda);
    }

    /**
     * @param cda the cda
     * @return the patient's INS carried by the header (XDS patientId), if any
     */
    public static Optional<Ins> patientIns(CdaDocument cda) {
        return cda.header().patient().flatMap(CdaPatient::ins);
    }

    /**
     * @param cda the cda
     * @return the header's custodian as the deposit's custodian ({@code Deposit.Builder.custodian}),
     *     if it has an id with an extension (IdNat_Struct); without it the deposit falls back to the
     *     author's institution
     */
    public static Optional<Organization> custodian(CdaDocument cda) {
        return cda.header().custodian();
    }

    /**
     * @param cda the cda
     * @return the id of the document this one replaces (the RPLC association), if any
     */
    public static Optional<InstanceId> replacedDocument(CdaDocument cda) {
        return cda.header().replacedDocumentId();
    }

    /**
     * @param cda the cda
     * @return the metadata of the document
     * @throws CdaMetadataException naming what the header lacks
     * @throws DocumentTypeException if the document type has no class in the ANS tables or is not
     *     accepted by the target
     */
    public DocumentMetadata toMetadata(CdaDocument cda) {
        Objects.requireNonNull(cda, "cda");
        CdaHeader h = cda.header();
        try {
            DocumentMetadata.Builder b = DocumentMetadata.builder()
                    .uniqueId(require(h.id(), "id").uniqueId())
                    .type(require(h.code(), "code"))
                    .typeClassTable(classes)
                    .format(FormatCodes.of(cda).orElse(FormatCodes.OUT_OF_PROFILE))
                    .contentType(contentType)
                    .title(require(h.title(), "title"))
                    .language(h.languageCode().orElse("fr-FR"))
                    .creationTime(require(h.effectiveTime(), "effectiveTime"))
                    .facilityType(require(h.facilityType(), "healthCareFacility/code"))
                    .practiceSetting(require(h.serviceEvents().stream().flatMap(s -> s.practiceSetting().stream())
                            .findFirst(), "serviceEvent/performer/.../standardIndustryClassCode"))
                    .confidentiality(h.confidentialityCode().flatMap(Confidentiality::fromCode)
                            .orElse(Confidentiality.NORMAL))
                    .valueSetCheck(check)
                    .target(target);
            Optional<OffsetDateTime> start = h.serviceEvents().stream().flatMap(s -> s.start().stream()).findFirst()
                    .or(h::encounterStart);
            b.serviceStart(start.orElse(h.effectiveTime().orElseThrow()));
            h.serviceEvents().stream().flatMap(s -> s.end().stream()).findFirst().or(h::encounterEnd)
                    .ifPresent(b::serviceEnd);
            h.serviceEvents().stream().map(CdaServiceEvent::code).flatMap(Optional::stream).forEach(b::event);
            h.authors().stream().map(CdaMetadata::author).flatMap(Optional::stream).forEach(b::author);
            h.legalAuthenticator().flatMap(CdaMetadata::author).ifPresent(b::legalAuthenticator);
            return b.build();
        } catch (CdaMetadataException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CdaMetadataException("the CDA header gives no valid metadata: " + e.getMessage(), e);
        }
    }

    /** The author as the DMP's metadata records it: no civility, and the organisation's id and name only. */
    private static Optional<Author> author(CdaParticipant p) {
        Professional pro = p.professional();
        return Optional.of(new Author(new Professional(pro.idNat(), Optional.empty(), pro.givenName(),
                pro.familyName(), pro.profession(), pro.specialty(),
                pro.organization().map(o -> new Organization(o.idNat(), o.name(), Optional.empty()))), p.function()));
    }

    private static <T> T require(Optional<T> value, String element) {
        return value.orElseThrow(() -> new CdaMetadataException("the CDA header has no " + element, null));
    }

    /** Builds a {@link CdaMetadata}; each setting may be given once. Not thread-safe. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private String contentType = "application/xml";
        private TypeClassTable classes = TypeClassTable.ans();
        private ValueSetCheck check = ValueSetCheck.STRICT;
        private DocumentTarget target = DocumentTarget.DMP;

        private Builder() {
        }

        /**
         * @param value the mime type of a CDA deposit (default {@code application/xml}; the CI-SIS
         *     examples say {@code text/xml}: unsure, hence configurable)
         * @return this
         */
        public Builder contentType(String value) {
            once("contentType");
            this.contentType = Objects.requireNonNull(value, "contentType");
            return this;
        }

        /**
         * @param value the type class table
         * @return this; the type→class table (default: the ANS tables, {@link TypeClassTable#ans()})
         */
        public Builder typeClassTable(TypeClassTable value) {
            once("typeClassTable");
            this.classes = Objects.requireNonNull(value, "typeClassTable");
            return this;
        }

        /**
         * @param value the value set check
         * @return this; how strictly codes are checked against the CI-SIS value sets (default strict)
         */
        public Builder valueSetCheck(ValueSetCheck value) {
            once("valueSetCheck");
            this.check = Objects.requireNonNull(value, "valueSetCheck");
            return this;
        }

        /**
         * @param value where the document goes (default the DMP: its type must be in JDV_J66); see
         *     {@link DocumentTarget}
         * @return this
         */
        public Builder target(DocumentTarget value) {
            once("target");
            this.target = Objects.requireNonNull(value, "target");
            return this;
        }

        /** @return the deriver */
        public CdaMetadata build() {
            return new CdaMetadata(this);
        }
    }
}
