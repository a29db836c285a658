package fr.opendmp.core.error;

/** Why the DMP refused access, when it says so (rule id of the OperationOutcome, or HTTP status). */
public enum AccessRefusal {
    /** The patient blocked this professional. */
    BLOCKED,
    /** The professional has no authorization from the patient. */
    NO_AUTHORIZATION,
    /** Only the author may do this (delete…). */
    NOT_AUTHOR,
    /** The patient's DMP is closed. */
    DMP_CLOSED,
    /** The caller is not authenticated (401). */
    NOT_AUTHENTICATED,
    /** The access mode or the caller's profile forbids it. */
    MODE_FORBIDDEN,
    /** Any other refusal. */
    OTHER
}
