package fr.opendmp.core.document;

import java.util.Objects;

/**
 * The structure an author works for.
 *
 * @param idNat the structure's national id (IdNat_Struct, system 1.2.250.1.71.4.2.2)
 * @param name the structure's name
 */
public record Institution(String idNat, String name) {

    /**
     * Checks both parts.
     * @param idNat the structure's national id (IdNat_Struct, system 1.2.250.1.71.4.2.2)
     * @param name the structure's name
     */
    public Institution {
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(name, "name");
        if (idNat.isBlank()) {
            throw new IllegalArgumentException("an institution needs its IdNat_Struct");
        }
    }
}
