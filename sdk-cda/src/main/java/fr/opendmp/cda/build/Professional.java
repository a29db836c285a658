package fr.opendmp.cda.build;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A health professional of the header (author, legal authenticator, médecin traitant).
 * {@link #toString()} masks the names.
 *
 * @param idNatPs the national id (IdNat_PS: {@code 8} + RPPS), root {@code 1.2.250.1.71.4.2.1}
 * @param specialty profession/specialty, J01 code in {@code 1.2.250.1.213.1.1.4.5} (e.g. {@code G15_10/SM26})
 * @param prefix civility (e.g. {@code M}, {@code MME}), if any
 * @param givenName the given name
 * @param familyName the family name
 * @param organization the structure the professional acts for, if any
 */
public record Professional(String idNatPs, Optional<Code> specialty, Optional<String> prefix, String givenName,
        String familyName, Optional<Organization> organization) {

    /** The OID of IdNat_PS. */
    public static final String ID_NAT_PS = CodeSystems.ID_NAT_PS.substring("urn:oid:".length());

    /**
     * Checks every part.
     * @param idNatPs the national id (IdNat_PS: {@code 8} + RPPS), root {@code 1.2.250.1.71.4.2.1}
     * @param specialty profession/specialty, J01 code in {@code 1.2.250.1.213.1.1.4.5} (e.g. {@code
     *     G15_10/SM26})
     * @param prefix civility (e.g. {@code M}, {@code MME}), if any
     * @param givenName the given name
     * @param familyName the family name
     * @param organization the structure the professional acts for, if any
     */
    public Professional {
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(organization, "organization");
        if (!idNatPs.matches("[0-9A-Za-z/.]{2,64}")) {
            throw new IllegalArgumentException("an IdNat_PS is 8 + RPPS (e.g. 810001234567)");
        }
        if (familyName.isBlank()) {
            throw new IllegalArgumentException("a professional needs a family name");
        }
    }

    /**
     * @param idNatPs the national id (IdNat_PS: {@code 8} + RPPS), root {@code 1.2.250.1.71.4.2.1}
     * @param givenName the given name
     * @param familyName the family name
     * @return a professional with names only; add the rest with the {@code with…} methods
     */
    public static Professional of(String idNatPs, String givenName, String familyName) {
        return new Professional(idNatPs, Optional.empty(), Optional.empty(), givenName, familyName, Optional.empty());
    }

    /**
     * @param code the code
     * @return a copy with this J01 profession/specialty code
     */
    public Professional withSpecialty(Code code) {
        return new Professional(idNatPs, Optional.of(code), prefix, givenName, familyName, organization);
    }

    /**
     * @param value the with prefix
     * @return a copy with this civility
     */
    public Professional withPrefix(String value) {
        return new Professional(idNatPs, specialty, Optional.of(value), givenName, familyName, organization);
    }

    /**
     * @param value the with organization
     * @return a copy acting for this organisation
     */
    public Professional withOrganization(Organization value) {
        return new Professional(idNatPs, specialty, prefix, givenName, familyName, Optional.of(value));
    }

    /** Names masked. */
    @Override
    public String toString() {
        return "Professional[" + idNatPs + ", names ***]";
    }
}
