package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.party.Professional;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional in the author role of a document, as the DMP records it: the
 * {@link Professional} (its names, its J01 specialty and its structure) and its role toward the
 * patient.
 *
 * @param professional the author (its specialty, if any, is the J01 code of TRE_A02, e.g.
 *     {@code G15_10/SM54})
 * @param role role toward the patient (J47 code), if known
 */
public record Author(Professional professional, Optional<Code> role) {

    /**
     * Checks both parts.
     * @param professional the author
     * @param role role toward the patient (J47 code), if known
     */
    public Author {
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(role, "role");
    }

    /**
     * @param professional the author
     * @return this professional as author, with no role
     */
    public static Author of(Professional professional) {
        return new Author(professional, Optional.empty());
    }

    /**
     * @param idNatPs the professional's national id (IdNat_PS, e.g. {@code 8} + RPPS)
     * @return an author known only by IdNat_PS
     */
    public static Author of(String idNatPs) {
        return of(Professional.of(idNatPs));
    }

    /**
     * @param code the J47 role code
     * @return a copy with this role
     */
    public Author withRole(Code code) {
        return new Author(professional, Optional.of(code));
    }
}
