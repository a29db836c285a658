package fr.opendmp.core.access;

/** Which professionals {@code authorizations(ins, filter)} lists (DMPi TD1.6). */
public enum AuthorizationFilter {
    /** Professionals the patient authorized. */
    ACTIVE,
    /** Professionals the patient blocked. */
    BLOCKED,
    /** Both. */
    ALL
}
