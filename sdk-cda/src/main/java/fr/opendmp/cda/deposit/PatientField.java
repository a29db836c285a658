package fr.opendmp.cda.deposit;

/**
 * A part of the patient's identity on which a CDA header and a deposit's qualified identity can
 * differ. The strict traits of the RNIV are compared after normalisation; used names never are.
 */
public enum PatientField {
    /** The CDA has no {@code recordTarget/patientRole} at all. */
    PATIENT,
    /** The INS: matricule and OID of the ids whose root is an INS OID (absent, invalid or another one). */
    INS,
    /** The birth name ({@code family @qualifier="BR"}). */
    BIRTH_NAME,
    /** The first birth first name ({@code given @qualifier="BR"}). */
    FIRST_BIRTH_FIRST_NAME,
    /** The list of birth first names ({@code given} without qualifier). */
    BIRTH_FIRST_NAMES,
    /** The birth date ({@code birthTime}). */
    BIRTH_DATE,
    /** The sex ({@code administrativeGenderCode}). */
    SEX,
    /** The birth place ({@code birthplace/place/addr/county}, INSEE COG code). */
    BIRTH_PLACE
}
