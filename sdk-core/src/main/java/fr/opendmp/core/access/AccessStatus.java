package fr.opendmp.core.access;

import java.util.Objects;
import java.util.Optional;

/**
 * What TD02 says about a patient's DMP for the calling professional: the DMP's state, its link to
 * Mon espace santé, the caller's authorization and whether the caller is the médecin traitant DMP.
 * Never holds the identity traits the DMP returns (RG_0320: the LPS shows its own qualified identity).
 *
 * @param state open, closed or none
 * @param closure closure date and reason, when closed and given
 * @param attachedToMonEspaceSante whether the DMP is attached to Mon espace santé
 * @param authorization the caller's authorization
 * @param medecinTraitant whether the caller is the patient's médecin traitant DMP
 * @param mode the access mode the status was asked for
 */
public record AccessStatus(DmpState state, Optional<Closure> closure, boolean attachedToMonEspaceSante,
        Authorization authorization, boolean medecinTraitant, AccessMode mode) {

    /**
     * Checks every part.
     * @param state open, closed or none
     * @param closure closure date and reason, when closed and given
     * @param attachedToMonEspaceSante whether the DMP is attached to Mon espace santé
     * @param authorization the caller's authorization
     * @param medecinTraitant whether the caller is the patient's médecin traitant DMP
     * @param mode the access mode the status was asked for
     */
    public AccessStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(closure, "closure");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * @param mode the access mode the status was asked for
     * @return the status of a patient without DMP
     */
    public static AccessStatus none(AccessMode mode) {
        return new AccessStatus(DmpState.NONE, Optional.empty(), false, Authorization.NONE, false, mode);
    }

    /** @return whether documents may be deposited (open DMP; no authorization needed) */
    public boolean canDeposit() {
        return state == DmpState.OPEN;
    }

    /**
     * @return whether the caller may search and retrieve documents in {@link #mode()}: open DMP, and
     *     authorized (not blocked) in normal mode; in bris de glace (traced, notified to the patient)
     *     even without authorization or when the patient blocked the professional; in centre de
     *     régulation mode unless blocked
     */
    public boolean canConsult() {
        if (state != DmpState.OPEN) {
            return false;
        }
        return switch (mode) {
            case NORMAL -> authorization == Authorization.AUTHORIZED;
            case BRIS_DE_GLACE -> true;
            case CENTRE_REGULATION -> authorization != Authorization.BLOCKED;
        };
    }
}
