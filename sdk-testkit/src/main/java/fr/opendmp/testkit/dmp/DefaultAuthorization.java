package fr.opendmp.testkit.dmp;

/** Authorization status of a professional for a patient when nothing was seeded for the pair. */
public enum DefaultAuthorization {
    /** Default: every professional is authorized, so the simplest test just works. */
    AUTHORIZED,
    /** No professional is authorized unless seeded with {@link FakeDmp#authorize}. */
    NOT_AUTHORIZED
}
