package fr.opendmp.core.outbox;

/** Why queued documents were cancelled; kept with each item as its reason. */
public enum CancelReason {
    /** The patient was merged into another record: documents must be queued again for the kept one. */
    PATIENT_MERGED,
    /** The identity was found wrong (collision, usurpation, fictitious): nothing may go to that DMP. */
    IDENTITY_WRONG,
    /** An operator cancelled the item. */
    OPERATOR
}
