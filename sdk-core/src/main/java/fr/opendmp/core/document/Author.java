package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

import java.util.Objects;
import java.util.Optional;

/**
 * The author of a document (a health professional), as the DMP records it.
 *
 * <p>{@link #toString()} masks the names.
 *
 * @param idNatPs the professional's national id (IdNat_PS, e.g. {@code 8} + RPPS)
 * @param familyName family name, if known
 * @param givenName given name, if known
 * @param role role toward the patient (J47 code), if known
 * @param specialty profession/specialty (J01 code, e.g. {@code G15_10/SM54}), if known
 * @param institution the structure, if known
 */
public record Author(String idNatPs, Optional<String> familyName, Optional<String> givenName,
        Optional<Code> role, Optional<Code> specialty, Optional<Institution> institution) {

    /** The FHIR system of IdNat_PS. */
    public static final String ID_NAT_PS_SYSTEM = CodeSystems.ID_NAT_PS;

    /**
     * Checks every part.
     * @param idNatPs the professional's national id (IdNat_PS, e.g. {@code 8} + RPPS)
     * @param familyName family name, if known
     * @param givenName given name, if known
     * @param role role toward the patient (J47 code), if known
     * @param specialty profession/specialty (J01 code, e.g. {@code G15_10/SM54}), if known
     * @param institution the structure, if known
     */
    public Author {
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(institution, "institution");
        if (idNatPs.isBlank()) {
            throw new IllegalArgumentException("an author needs an IdNat_PS");
        }
    }

    /**
     * @param idNatPs the professional's national id (IdNat_PS, e.g. {@code 8} + RPPS)
     * @return an author known only by IdNat_PS
     */
    public static Author professional(String idNatPs) {
        return new Author(idNatPs, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * @param family the family
     * @param given the given
     * @return a copy with these names
     */
    public Author withNames(String family, String given) {
        return new Author(idNatPs, Optional.of(family), Optional.of(given), role, specialty, institution);
    }

    /**
     * @param code the code
     * @return a copy with this J01 specialty code
     */
    public Author withSpecialty(Code code) {
        return new Author(idNatPs, familyName, givenName, role, Optional.of(code), institution);
    }

    /**
     * @param code the code
     * @return a copy with this J47 role code
     */
    public Author withRole(Code code) {
        return new Author(idNatPs, familyName, givenName, Optional.of(code), specialty, institution);
    }

    /**
     * @param structure the structure
     * @return a copy with this structure
     */
    public Author withInstitution(Institution structure) {
        return new Author(idNatPs, familyName, givenName, role, specialty, Optional.of(structure));
    }

    /** Names masked. */
    @Override
    public String toString() {
        return "Author[" + idNatPs + ", names " + (familyName.isPresent() ? "***" : "none") + "]";
    }
}
