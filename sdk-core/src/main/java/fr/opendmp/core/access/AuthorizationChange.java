package fr.opendmp.core.access;

/**
 * A change of the caller's own rights on a patient's DMP (DMPi TD0.3 {@code setAuthorization}).
 * The patient is the one named in the call; the professional is the caller.
 */
public enum AuthorizationChange {
    /** The caller records the patient's consent: its authorization becomes valid (idempotent). */
    ADD,
    /** The caller removes its own authorization. */
    REMOVE,
    /** The caller declares itself the patient's médecin traitant DMP. */
    DECLARE_MEDECIN_TRAITANT,
    /** The caller stops being the patient's médecin traitant DMP. */
    REMOVE_MEDECIN_TRAITANT
}
