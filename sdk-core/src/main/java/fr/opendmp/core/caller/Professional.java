package fr.opendmp.core.caller;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * The health professional (or the person responsible for an automated process) who makes a call.
 *
 * @param idNat the national id ({@code IdNat_PS}: RPPS prefixed with 8, ADELI with 0, or
 *     {@code <structure idNat>/<local id>})
 * @param displayName the name shown in the access history (never printed by {@link #toString()})
 * @param profession the profession (TRE_G15 {@code ProfessionSante}, e.g. 10 for a physician)
 * @param specialty the specialty (TRE_R38 {@code SpecialiteOrdinale}), required for physicians and pharmacists
 * @param structure the structure the professional acts for
 * @param authenticationMode how the professional was authenticated
 */
public record Professional(String idNat, String displayName, Code profession, Optional<Code> specialty,
        Structure structure, AuthenticationMode authenticationMode) {

    /**
     * Checks every part; physicians (10) and pharmacists (21) need a specialty.
     * @param idNat the national id ({@code IdNat_PS}: RPPS prefixed with 8, ADELI with 0, or {@code
     *     <structure idNat>/<local id>})
     * @param displayName the name shown in the access history (never printed by {@link #toString()})
     * @param profession the profession (TRE_G15 {@code ProfessionSante}, e.g. 10 for a physician)
     * @param specialty the specialty (TRE_R38 {@code SpecialiteOrdinale}), required for physicians and
     *     pharmacists
     * @param structure the structure the professional acts for
     * @param authenticationMode how the professional was authenticated
     */
    public Professional {
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(profession, "profession");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(authenticationMode, "authenticationMode");
        if (idNat.isBlank() || displayName.isBlank()) {
            throw new IllegalArgumentException("a professional needs an idNat and a display name");
        }
        if (("10".equals(profession.code()) || "21".equals(profession.code())) && specialty.isEmpty()) {
            throw new IllegalArgumentException("profession " + profession.code()
                    + " needs a specialty (or the pharmacist's section)");
        }
    }

    /** @return the id, profession and structure; never the name */
    @Override
    public String toString() {
        return "Professional[" + idNat + ", profession " + profession.code()
                + specialty.map(s -> "/" + s.code()).orElse("") + ", structure " + structure.idNat() + ", "
                + authenticationMode + "]";
    }
}
