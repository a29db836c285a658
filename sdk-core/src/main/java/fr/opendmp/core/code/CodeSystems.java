package fr.opendmp.core.code;

import java.util.Map;
import java.util.Optional;

/**
 * The code systems the DMP uses, with their OID and their FHIR URI. A coded value may arrive with
 * {@code urn:oid:<oid>}, the bare OID or the canonical URL of the same system: {@link #oidOf}
 * normalises all of them. Two NOS systems have a name instead of an OID as XDS codingScheme:
 * TRE_A10 ({@code URN}) and TRE_A12 ({@code ASTM}).
 */
public final class CodeSystems {

    /** The OID of IdNat_PS, the national id of a health professional (8 + RPPS, 0 + ADELI). */
    public static final String ID_NAT_PS_OID = "1.2.250.1.71.4.2.1";
    /** IdNat_PS as a system URI. */
    public static final String ID_NAT_PS = "urn:oid:" + ID_NAT_PS_OID;
    /** The OID of IdNat_Struct, the national id of a care structure (1 + FINESS, 3 + SIRET, 4 + RPPS rank). */
    public static final String ID_NAT_STRUCT_OID = "1.2.250.1.71.4.2.2";
    /** IdNat_Struct as a system URI. */
    public static final String ID_NAT_STRUCT = "urn:oid:" + ID_NAT_STRUCT_OID;
    /** The OID of TRE_G15 profession de santé. */
    public static final String TRE_G15_OID = "1.2.250.1.71.1.2.7";
    /** TRE_G15 profession de santé as a system URI. */
    public static final String TRE_G15 = "urn:oid:" + TRE_G15_OID;
    /** The OID of TRE_R38 spécialité ordinale (savoir-faire). */
    public static final String TRE_R38_OID = "1.2.250.1.71.4.2.5";
    /** TRE_R38 spécialité ordinale (savoir-faire) as a system URI. */
    public static final String TRE_R38 = "urn:oid:" + TRE_R38_OID;
    /** The OID of TRE_R248 mode d'accès (normal, bris de glace, centre 15). */
    public static final String TRE_R248_OID = "1.2.250.1.213.1.1.4.248";
    /** TRE_R248 mode d'accès as a system URI. */
    public static final String TRE_R248 = "urn:oid:" + TRE_R248_OID;
    /** The OID of TRE_R02 secteur d'activité. */
    public static final String TRE_R02_OID = "1.2.250.1.71.4.2.4";
    /** The OID of TRE_A02 author specialty (J01 combined codes such as {@code G15_10/SM26}). */
    public static final String TRE_A02_OID = "1.2.250.1.213.1.1.4.5";
    /** The OID of the INS root for a NIR (matricule INS of a person born or living in France). */
    public static final String INS_NIR_OID = "1.2.250.1.213.1.4.8";
    /** The OID of the INS root for a NIA (attente d'immatriculation). */
    public static final String INS_NIA_OID = "1.2.250.1.213.1.4.9";
    /** The OID of the INS root for a test NIR. */
    public static final String INS_NIR_TEST_OID = "1.2.250.1.213.1.4.10";
    /** The OID of the INS root for a demonstration NIR. */
    public static final String INS_NIR_DEMO_OID = "1.2.250.1.213.1.4.11";

    /** LOINC. */
    public static final String LOINC = "http://loinc.org";
    /** TRE_A05 (ANS document types such as SYNTH); no FHIR canonical known, so the OID URN. */
    public static final String TRE_A05 = "urn:oid:1.2.250.1.213.1.1.4.12";
    /** TRE_A03 document classes. */
    public static final String TRE_A03 =
            "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument";
    /** TRE_A06 ANS format codes. */
    public static final String TRE_A06 =
            "https://mos.esante.gouv.fr/NOS/TRE_A06-FormatCodeComplementaire/FHIR/TRE-A06-FormatCodeComplementaire";
    /** IHE format codes (TRE_A11), as the DMP examples write them. */
    public static final String IHE_FORMAT = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode";
    /** TRE_A11 IHE format codes, MOS canonical. */
    public static final String TRE_A11 =
            "https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode";
    /** HL7 v3 confidentiality (N, R, V). */
    public static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** TRE_A07 DMP visibility status. */
    public static final String TRE_A07 =
            "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";
    /** TRE_R02 secteur d'activité (facility type); canonical not confirmed, so the OID URN. */
    public static final String TRE_R02 = "urn:oid:" + TRE_R02_OID;
    /** TRE_A00 producteurs non PS (facility type / practice setting of patient documents). */
    public static final String TRE_A00 = "urn:oid:1.2.250.1.213.1.1.4.6";
    /** Practice setting codes (TRE_A01 cadre d'exercice). */
    public static final String PRACTICE_SETTING = "urn:oid:1.2.250.1.213.1.1.4.9";
    /** TRE_A02 author specialty (J01 combined codes). */
    public static final String TRE_A02 = "urn:oid:" + TRE_A02_OID;
    /**
     * TRE_A12 ASTM nomenclature (typeCode E1762 "Full Document"). The NOS states its identifier as
     * {@code urn:oid:ASTM}: the XDS codingScheme is the string {@code ASTM}, not a numeric OID.
     */
    public static final String TRE_A12 =
            "https://mos.esante.gouv.fr/NOS/TRE_A12-NomenclatureASTM/FHIR/TRE-A12-NomenclatureASTM";
    /**
     * TRE_A10 URN nomenclature (classCode {@code urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1} "Digital
     * Signature" of E1762). The NOS states its identifier as {@code urn:oid:URN}: the XDS
     * codingScheme is the string {@code URN}.
     */
    public static final String TRE_A10 =
            "https://mos.esante.gouv.fr/NOS/TRE_A10-NomenclatureURN/FHIR/TRE-A10-NomenclatureURN";

    private static final Map<String, String> URI_TO_OID = Map.ofEntries(
            Map.entry(LOINC, "2.16.840.1.113883.6.1"),
            Map.entry(TRE_A03, "1.2.250.1.213.1.1.4.1"),
            Map.entry(TRE_A06, "1.2.250.1.213.1.1.4.2.282"),
            Map.entry(IHE_FORMAT, "1.3.6.1.4.1.19376.1.2.3"),
            Map.entry(TRE_A11, "1.3.6.1.4.1.19376.1.2.3"),
            Map.entry(V3_CONFIDENTIALITY, "2.16.840.1.113883.5.25"),
            Map.entry("https://mos.esante.gouv.fr/NOS/TRE_A08-HL7Confidentiality/FHIR/TRE-A08-HL7Confidentiality",
                    "2.16.840.1.113883.5.25"),
            Map.entry(TRE_A07, "1.2.250.1.213.1.1.4.13"),
            Map.entry("https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/TRE-A07-StatusVisibiliteDocument",
                    "1.2.250.1.213.1.1.4.13"),
            Map.entry("https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite",
                    TRE_R02_OID),
            Map.entry("https://mos.esante.gouv.fr/NOS/TRE_A09-DICOMuidRegistry/FHIR/TRE-A09-DICOMuidRegistry",
                    "1.2.840.10008.2.6.1"),
            // The NOS gives TRE_A10 and TRE_A12 the identifiers URN and ASTM, not numeric OIDs.
            Map.entry(TRE_A10, "URN"),
            Map.entry(TRE_A12, "ASTM"));

    private CodeSystems() {
    }

    /**
     * @param system a FHIR system URI, a {@code urn:oid:} URN or a bare OID
     * @return the dotted OID (or {@code URN} / {@code ASTM}, see above), when known
     */
    public static Optional<String> oidOf(String system) {
        if (system.startsWith("urn:oid:")) {
            return Optional.of(system.substring(8));
        }
        boolean dotted = !system.isEmpty() && Character.isDigit(system.charAt(0));
        if (dotted || "URN".equals(system) || "ASTM".equals(system)) {
            return Optional.of(system);
        }
        return Optional.ofNullable(URI_TO_OID.get(system));
    }

    /**
     * @param a the first one
     * @param b the second one
     * @return whether two system spellings name the same code system
     */
    public static boolean sameSystem(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    /**
     * @param system a system URI, URN or OID
     * @return its OID when known, else the system as given
     */
    public static String normalise(String system) {
        return oidOf(system).orElse(system);
    }
}
