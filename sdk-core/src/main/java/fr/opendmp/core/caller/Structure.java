package fr.opendmp.core.caller;

import fr.opendmp.core.code.Code;
import java.util.Objects;

/**
 * The care structure a professional acts for.
 *
 * @param idNat the structure's national id ({@code Identifiant_Structure}, e.g. {@code 10B0167011}:
 *     1 + FINESS, 3 + SIRET, 4 + RPPS rank)
 * @param sector the activity sector (TRE_R02 {@code SecteurActivite}, e.g. SA07)
 */
public record Structure(String idNat, Code sector) {

    /**
     * Checks both parts.
     * @param idNat the structure's national id ({@code Identifiant_Structure}, e.g. {@code 10B0167011}: 1 +
     *     FINESS, 3 + SIRET, 4 + RPPS rank)
     * @param sector the activity sector (TRE_R02 {@code SecteurActivite}, e.g. SA07)
     */
    public Structure {
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(sector, "sector");
        if (idNat.isBlank()) {
            throw new IllegalArgumentException("the structure's idNat is required");
        }
    }
}
