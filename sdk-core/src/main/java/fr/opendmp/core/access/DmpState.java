package fr.opendmp.core.access;

/** Whether the patient has a DMP and whether it is open (TD02). */
public enum DmpState {
    /** The DMP exists and is active. */
    OPEN,
    /** The DMP exists and is closed (or its state is unknown: {@code active} false). */
    CLOSED,
    /** The patient has no DMP. */
    NONE
}
