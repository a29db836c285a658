package fr.opendmp.core.access;

/** The calling professional's authorization on the patient's DMP (EF_DMP04_01). */
public enum Authorization {
    /** The patient authorized this professional to consult. */
    AUTHORIZED,
    /** The patient blocked this professional: consultation is refused (in every mode, per the business rules of the PDSM4DMP implementation guide). */
    BLOCKED,
    /**
     * The authorization expired (DMPi TD0.2 {@code EXPIRE}): renew it with the patient's consent
     * ({@code setAuthorization(ins, AuthorizationChange.ADD)}). The FHIR transport never yields it.
     */
    EXPIRED,
    /** No authorization yet: collect the patient's consent locally, then consult. */
    NONE
}
