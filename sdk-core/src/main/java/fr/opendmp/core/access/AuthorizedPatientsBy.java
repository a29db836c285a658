package fr.opendmp.core.access;

/** Which date {@code authorizedPatients(since, by)} compares with {@code since} (DMPi TD0.4). */
public enum AuthorizedPatientsBy {
    /** Patients whose authorization for the caller started at or after the date. */
    LAST_AUTHORIZATION,
    /** Authorized patients with a document added at or after the date. */
    LAST_DOCUMENT
}
