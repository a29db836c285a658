package fr.opendmp.testkit.dmp;

/** How strictly the fake validates requests (DocumentReference profiles of the PDSM4DMP implementation guide). */
public enum Validation {
    /** Default: value-set bindings, custodian and SubmissionSet uniqueId are required (errors). */
    STRICT,
    /** What the ANS example vectors need: unknown codes and missing custodian become warnings. */
    LENIENT
}
