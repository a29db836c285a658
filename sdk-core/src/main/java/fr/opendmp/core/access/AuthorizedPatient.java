package fr.opendmp.core.access;

import fr.opendmp.core.ins.Ins;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient whose DMP the caller (or its structure) is authorized on (DMPi TD0.4). The names and
 * birth date are the DMP's, for display after an identity check; {@link #toString()} masks them.
 *
 * @param ins the patient's INS, when the DMP gave one (legacy INS-C identifiers are ignored)
 * @param lastName the name, if given
 * @param firstName the first name, if given
 * @param birthDate the birth date, if given
 * @param medecinTraitant whether the caller is the patient's médecin traitant DMP
 * @param message the DMP's {@code message} flag, exposed raw (its meaning is not published)
 * @param lastAccess the caller's last access, if given
 * @param lastUpdate the DMP's last update, if given
 * @param lastAdd the last document addition, if given
 */
public record AuthorizedPatient(Optional<Ins> ins, Optional<String> lastName, Optional<String> firstName,
        Optional<LocalDate> birthDate, boolean medecinTraitant, boolean message, Optional<Instant> lastAccess,
        Optional<Instant> lastUpdate, Optional<Instant> lastAdd) {

    /**
     * Checks that every part is present.
     *
     * @param ins the ins
     * @param lastName the last name
     * @param firstName the first name
     * @param birthDate the birth date
     * @param medecinTraitant the medecin traitant
     * @param message the message
     * @param lastAccess the last access
     * @param lastUpdate the last update
     * @param lastAdd the last add
     */
    public AuthorizedPatient {
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(lastAccess, "lastAccess");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        Objects.requireNonNull(lastAdd, "lastAdd");
    }

    /** @return the masked INS and flags; never a name or a birth date */
    @Override
    public String toString() {
        return "AuthorizedPatient[" + ins.map(Ins::toString).orElse("no INS") + ", names ***, MT "
                + medecinTraitant + "]";
    }
}
