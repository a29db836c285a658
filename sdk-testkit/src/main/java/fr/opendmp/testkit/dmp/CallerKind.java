package fr.opendmp.testkit.dmp;

/** Who a caller is, for the visibility rules of the PDSM4DMP implementation guide. */
public enum CallerKind {
    /** A health professional (the usual LPS user). */
    PROFESSIONAL,
    /** The patient himself (role code {@code PATIENT}) (unsure: no FHIR carriage defined). */
    PATIENT,
    /** A legal representative of a minor patient (role code {@code REPRESENTANT_LEGAL}) (unsure). */
    LEGAL_REPRESENTATIVE
}
