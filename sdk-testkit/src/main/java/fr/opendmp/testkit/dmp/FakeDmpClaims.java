package fr.opendmp.testkit.dmp;

import fr.opendmp.core.code.CodeSystems;

/**
 * The claims of the bearer JWT the fake reads (a test-mode stand-in for the VIHF), named after the VIHF
 * attributes (ANS CI-SIS VIHF). The single place where these names are defined.
 */
public final class FakeDmpClaims {
    /** IdNat_PS of the user (VIHF Subject/NameID). */
    public static final String SUBJECT = "sub";
    /** First name. */
    public static final String GIVEN_NAME = "given_name";
    /** Last name. */
    public static final String FAMILY_NAME = "family_name";
    /** IdNat_Struct of the care structure. */
    public static final String STRUCTURE = "Identifiant_Structure";
    /** Secteur_Activite, {@code code^OID}. */
    public static final String SECTOR = "Secteur_Activite";
    /** Array of {@code code^system}: profession first, then specialty. */
    public static final String SUBJECT_ROLE = "SubjectRole";
    /** {@code normal}, {@code bris_de_glace} or {@code centre_15}. */
    public static final String PURPOSE_OF_USE = "purposeofuse";
    /** Reason of a bris de glace access. */
    public static final String BRIS_DE_GLACE_REASON = "bris_de_glace_reason";
    /** Patient INS in CX form {@code matricule^^^&oid&ISO^NH}. */
    public static final String RESOURCE_ID = "resource_id";
    /** {@code DIRECTE}, {@code INDIRECTE} or {@code INDIRECTE_RENFORCEE}. */
    public static final String AUTHENTICATION_MODE = "Authentification_Mode";
    /** Software name. */
    public static final String LPS_NAME = "LPS_Nom";
    /** Software version. */
    public static final String LPS_VERSION = "LPS_Version";
    /** DMP homologation number. */
    public static final String LPS_HOMOLOGATION = "LPS_ID_HOMOLOGATION_DMP";
    /** Expiry, seconds since the epoch. */
    public static final String EXPIRES = "exp";
    /** Issue time, seconds since the epoch. */
    public static final String ISSUED_AT = "iat";

    /** System of profession codes (TRE_G15). */
    public static final String PROFESSION_SYSTEM = CodeSystems.TRE_G15_OID;
    /** System of specialty codes (TRE_R01). */
    public static final String SPECIALTY_SYSTEM = CodeSystems.TRE_R38_OID;
    /** System of sector codes (TRE_R02). */
    public static final String SECTOR_SYSTEM = CodeSystems.TRE_R02_OID;

    private FakeDmpClaims() {
    }
}
