package fr.opendmp.core.access;

import fr.opendmp.core.code.Code;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional a patient authorized or blocked (DMPi TD1.6). {@link #toString()} masks the names.
 *
 * @param idNatPs the professional's national id (IdNat_PS)
 * @param firstName the first name, if given
 * @param lastName the name, if given
 * @param specialties the professional's specialties (J01 codes, e.g. {@code G15_10/SM26})
 * @param blocked whether the patient blocked this professional (else authorized)
 * @param medecinTraitant whether the professional is the patient's médecin traitant DMP
 * @param start when the authorization started, if given
 * @param lastAction the last change, if given
 */
public record PatientAuthorization(String idNatPs, Optional<String> firstName, Optional<String> lastName,
        List<Code> specialties, boolean blocked, boolean medecinTraitant, Optional<Instant> start,
        Optional<Instant> lastAction) {

    /**
     * Checks and copies every part.
     *
     * @param idNatPs the id nat ps
     * @param firstName the first name
     * @param lastName the last name
     * @param specialties the specialties
     * @param blocked the blocked
     * @param medecinTraitant the medecin traitant
     * @param start the start
     * @param lastAction the last action
     */
    public PatientAuthorization {
        Objects.requireNonNull(idNatPs, "idNatPs");
        if (idNatPs.isBlank()) {
            throw new IllegalArgumentException("a professional's authorization needs its IdNat_PS");
        }
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        specialties = List.copyOf(specialties);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(lastAction, "lastAction");
    }

    /** @return the id and flags; never the names */
    @Override
    public String toString() {
        return "PatientAuthorization[" + idNatPs + ", names ***, " + (blocked ? "blocked" : "authorized")
                + (medecinTraitant ? ", MT" : "") + "]";
    }
}
