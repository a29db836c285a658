package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

import java.util.List;
import java.util.Objects;

/**
 * A document type (typeCode, JDV_J07) with the format code and mime type the SDK uses by default.
 * The class (classCode) is derived from the type by the ANS tables ASS_X04 / ASS_X16
 * ({@link TypeClassTable#ans()}); every constant here is a type the DMP accepts (JDV_J66).
 *
 * @param code the type code (LOINC or TRE_A05)
 * @param defaultFormat the default format code (JDV_J10)
 * @param defaultContentType the default mime type of the content
 */
public record DocumentType(Code code, Code defaultFormat, String defaultContentType) {

    private static final String CDA = "application/xml";
    private static final Code PDF = Code.of(CodeSystems.IHE_FORMAT, "urn:ihe:iti:xds-sd:pdf:2008",
            "Document à corps non structuré en Pdf/A-1");

    /** VSM, volet de synthèse médicale: {@code SYNTH} (TRE_A05), format {@code urn:asip:ci-sis:vsm:2012}. */
    public static final DocumentType SYNTHESE_MEDICALE = new DocumentType(
            Code.of(CodeSystems.TRE_A05, "SYNTH", "Synthèse"),
            Code.of(CodeSystems.TRE_A06, "urn:asip:ci-sis:vsm:2012", "VSM"), CDA);
    /** Lettre de liaison à la sortie d'un établissement de soins: LOINC {@code 11490-0}, LDL-SES. */
    public static final DocumentType LETTRE_LIAISON_SORTIE = new DocumentType(
            Code.of(CodeSystems.LOINC, "11490-0", "Lettre de liaison à la sortie d'un établissement de soins"),
            Code.of(CodeSystems.TRE_A06, "urn:asip:ci-sis:ldl-ses:2017", "Lettre de liaison à la sortie"), CDA);
    /**
     * Note de transfert, dont lettre de liaison à l'entrée en établissement de soins: LOINC
     * {@code 18761-7}, LDL-EES (class 11 Synthèse).
     */
    public static final DocumentType LETTRE_LIAISON_ENTREE = new DocumentType(
            Code.of(CodeSystems.LOINC, "18761-7",
                    "Note de transfert (dont lettre de liaison à l'entrée en établissement de soins)"),
            Code.of(CodeSystems.TRE_A06, "urn:asip:ci-sis:ldl-ees:2017",
                    "Lettre de Liaison à l'entrée d'un établissement de santé"), CDA);
    /** CR d'examens biologiques: LOINC {@code 11502-2}, XD-LAB. */
    public static final DocumentType CR_BIOLOGIE = new DocumentType(
            Code.of(CodeSystems.LOINC, "11502-2", "CR d'examens biologiques"),
            Code.of(CodeSystems.IHE_FORMAT, "urn:ihe:lab:xd-lab:2008", "CR de biologie"), CDA);
    /** CR d'imagerie médicale: LOINC {@code 18748-4} (class 31 Imagerie médicale), structured imaging report headings. */
    public static final DocumentType CR_IMAGERIE = new DocumentType(
            Code.of(CodeSystems.LOINC, "18748-4", "CR d'imagerie médicale"),
            Code.of(CodeSystems.IHE_FORMAT, "urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013",
                    "CR d'imagerie"), CDA);
    /** CR opératoire: LOINC {@code 34874-8}, PDF in CDA N1 by default. */
    public static final DocumentType CR_OPERATOIRE = new DocumentType(
            Code.of(CodeSystems.LOINC, "34874-8", "CR opératoire"), PDF, CDA);
    /** Ordonnance (prescription de produits de santé): LOINC {@code 57833-6}, PDF in CDA N1. */
    public static final DocumentType ORDONNANCE = new DocumentType(
            Code.of(CodeSystems.LOINC, "57833-6", "Prescription de produits de santé"), PDF, CDA);
    /** CR ou fiche de consultation ou de visite: LOINC {@code 11488-4}, PDF in CDA N1. */
    public static final DocumentType CR_CONSULTATION = new DocumentType(
            Code.of(CodeSystems.LOINC, "11488-4", "CR ou fiche de consultation ou de visite"), PDF, CDA);

    /**
     * Checks every part.
     * @param code the type code (LOINC or TRE_A05)
     * @param defaultFormat the default format code (JDV_J10)
     * @param defaultContentType the default mime type of the content
     */
    public DocumentType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(defaultFormat, "defaultFormat");
        Objects.requireNonNull(defaultContentType, "defaultContentType");
    }

    /** @return the constants above */
    public static List<DocumentType> common() {
        return List.of(SYNTHESE_MEDICALE, LETTRE_LIAISON_SORTIE, LETTRE_LIAISON_ENTREE, CR_BIOLOGIE, CR_IMAGERIE,
                CR_OPERATOIRE, ORDONNANCE, CR_CONSULTATION);
    }
}
