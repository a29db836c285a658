package fr.opendmp.core.party;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A health professional (or the person responsible for an automated process): the one professional
 * of the SDK, whether it makes a call, authors a document or is read from a CDA header.
 *
 * <p>What only one use needs (a VIHF needs the profession, and a specialty for physicians and
 * pharmacists; a CDA header needs a family name) is checked where that use happens, not here.
 * {@link #toString()} never prints a name.
 *
 * @param idNat the national id ({@code IdNat_PS}, OID {@link fr.opendmp.core.code.CodeSystems#ID_NAT_PS_OID}: 8 + RPPS,
 *     0 + ADELI, or {@code <structure idNat>/<local id>})
 * @param prefix civility (e.g. {@code M}, {@code MME}, {@code DR}), if known
 * @param givenName the given name(s), if known
 * @param familyName the family name, if known
 * @param profession the profession (TRE_G15 {@code ProfessionSante}, e.g. 10 for a physician), if known
 * @param specialty the specialty, if known, in the system its use needs: TRE_R38 (e.g. {@code SM26})
 *     for a VIHF, the J01 combined code of TRE_A02 (e.g. {@code G15_10/SM26}) for a document author
 * @param organization the structure the professional acts for, if known
 */
public record Professional(String idNat, Optional<String> prefix, Optional<String> givenName,
        Optional<String> familyName, Optional<Code> profession, Optional<Code> specialty,
        Optional<Organization> organization) {

    /**
     * Checks every part.
     * @param idNat the national id ({@code IdNat_PS})
     * @param prefix civility, if known
     * @param givenName the given name(s), if known
     * @param familyName the family name, if known
     * @param profession the profession (TRE_G15), if known
     * @param specialty the specialty, if known
     * @param organization the structure the professional acts for, if known
     */
    public Professional {
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(profession, "profession");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(organization, "organization");
        if (idNat.isBlank()) {
            throw new IllegalArgumentException("a professional needs a national id (IdNat_PS)");
        }
    }

    /**
     * @param idNat the national id ({@code IdNat_PS})
     * @return a professional known by its id only; add the rest with the {@code with…} methods
     */
    public static Professional of(String idNat) {
        return new Professional(idNat, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * @param idNat the national id ({@code IdNat_PS})
     * @param givenName the given name
     * @param familyName the family name
     * @return a professional with names
     */
    public static Professional of(String idNat, String givenName, String familyName) {
        return of(idNat).withNames(givenName, familyName);
    }

    /**
     * @param given the given name
     * @param family the family name
     * @return a copy with these names
     */
    public Professional withNames(String given, String family) {
        return new Professional(idNat, prefix, Optional.of(given), Optional.of(family), profession, specialty,
                organization);
    }

    /**
     * @param value the civility
     * @return a copy with this civility
     */
    public Professional withPrefix(String value) {
        return new Professional(idNat, Optional.of(value), givenName, familyName, profession, specialty,
                organization);
    }

    /**
     * @param value the profession (TRE_G15)
     * @return a copy with this profession
     */
    public Professional withProfession(Code value) {
        return new Professional(idNat, prefix, givenName, familyName, Optional.of(value), specialty, organization);
    }

    /**
     * @param value the specialty (TRE_R38, or J01 of TRE_A02 for a document author)
     * @return a copy with this specialty
     */
    public Professional withSpecialty(Code value) {
        return new Professional(idNat, prefix, givenName, familyName, profession, Optional.of(value), organization);
    }

    /**
     * @param value the structure the professional acts for
     * @return a copy acting for this structure
     */
    public Professional withOrganization(Organization value) {
        return new Professional(idNat, prefix, givenName, familyName, profession, specialty, Optional.of(value));
    }

    /** @return "FAMILY Given" (the VIHF {@code subject-id} form), or empty when no name is known */
    public Optional<String> displayName() {
        String display = (familyName.orElse("") + " " + givenName.orElse("")).trim();
        return display.isEmpty() ? Optional.empty() : Optional.of(display);
    }

    /** @return the id, profession, specialty and structure; never a name */
    @Override
    public String toString() {
        return "Professional[" + idNat + profession.map(p -> ", profession " + p.code()).orElse("")
                + specialty.map(s -> "/" + s.code()).orElse("")
                + organization.map(o -> ", structure " + o.idNat()).orElse("")
                + ", names " + (displayName().isPresent() ? "***" : "none") + "]";
    }
}
