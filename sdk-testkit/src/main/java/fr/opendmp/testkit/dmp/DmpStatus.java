package fr.opendmp.testkit.dmp;

/** State of a patient's DMP. */
public enum DmpStatus {
    /** The DMP exists and is open. */
    OPEN,
    /** The DMP exists and is closed: TD02 answers, everything else is refused. */
    CLOSED,
    /** The patient has no DMP (opposed): TD02 answers 0 entries, everything else is 404. */
    NONE
}
