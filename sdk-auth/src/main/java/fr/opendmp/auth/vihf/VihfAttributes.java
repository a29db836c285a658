package fr.opendmp.auth.vihf;

/** The names used in a VIHF (ANS CI-SIS "Volet transport synchrone pour client lourd", VIHF). Names are case-sensitive. */
public final class VihfAttributes {

    /** SAML 2.0 assertion namespace. */
    public static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** HL7v3 namespace of the CE values. */
    public static final String HL7_NS = "urn:hl7-org:v3";
    /** XML Schema instance namespace. */
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    /** Issuer format. */
    public static final String X509_SUBJECT_NAME = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";

    /** {@code VIHF_Version}. */
    public static final String VERSION = "VIHF_Version";
    /** {@code Authentification_Mode}. */
    public static final String AUTHENTICATION_MODE = "Authentification_Mode";
    /** {@code Identifiant_Structure}. */
    public static final String STRUCTURE_ID = "Identifiant_Structure";
    /** {@code Secteur_Activite}. */
    public static final String SECTEUR_ACTIVITE = "Secteur_Activite";
    /** XSPA subject id (display name). */
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    /** XACML subject role. */
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    /** XACML resource id (patient INS, CX form). */
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    /** {@code Ressource_URN}. */
    public static final String RESOURCE_URN = "Ressource_URN";
    /** XSPA purpose of use (access mode). */
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    /**
     * The reason of a bris de glace access. Where the reason travels is not in the public sources
     * (unsure); PSC userinfo names it {@code Mode_Acces_Raison}, so the VIHF uses that name.
     */
    public static final String ACCESS_REASON = "Mode_Acces_Raison";
    /** Legacy access mode attribute (older VIHF versions). */
    public static final String MODE_ACCES_LEGACY = "Mode_Acces";
    /** Patient confidentiality code ("secret connection"). */
    public static final String CONFIDENTIALITY_CODE = "urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code";

    /** {@code LPS_Nom}. */
    public static final String LPS_NAME = "LPS_Nom";
    /** {@code LPS_Version}. */
    public static final String LPS_VERSION = "LPS_Version";
    /** {@code LPS_ID_HOMOLOGATION_DMP}. */
    public static final String LPS_HOMOLOGATION = "LPS_ID_HOMOLOGATION_DMP";
    /** {@code LPS_ID}. */
    public static final String LPS_ID = "LPS_ID";

    /** AuthnContextClassRef for a smart card. */
    public static final String AC_SMARTCARD = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";
    /** AuthnContextClassRef for a local password login (indirect). */
    public static final String AC_PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password";
    /** AuthnContextClassRef for a VIHF built from an e-CPS session. */
    public static final String AC_MOBILE = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered";
    /** AuthnContextClassRef for an automaton. */
    public static final String AC_UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";

    private VihfAttributes() {
    }
}
