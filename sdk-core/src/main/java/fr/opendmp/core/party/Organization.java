package fr.opendmp.core.party;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A care structure or organisation: the one organisation of the SDK (the structure a caller acts
 * for, an author's institution, a CDA custodian or represented organisation).
 *
 * <p>What only one use needs (a VIHF needs the sector, a CDA header a name) is checked where that
 * use happens, not here.
 *
 * @param idNat the national id ({@code IdNat_Struct}, OID {@link fr.opendmp.core.code.CodeSystems#ID_NAT_STRUCT_OID}:
 *     1 + FINESS, 3 + SIRET, 4 + RPPS rank, e.g. {@code 10B0167011})
 * @param name the name, if known
 * @param sector the code that classes its activity, if known: TRE_R02 {@code SecteurActivite} (e.g.
 *     {@code SA07}) for a VIHF; in a CDA header, its {@code standardIndustryClassCode}
 */
public record Organization(String idNat, Optional<String> name, Optional<Code> sector) {

    /**
     * Checks every part.
     * @param idNat the national id ({@code IdNat_Struct})
     * @param name the name, if known
     * @param sector the code that classes its activity, if known
     */
    public Organization {
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sector, "sector");
        if (idNat.isBlank()) {
            throw new IllegalArgumentException("an organisation needs its national id (IdNat_Struct)");
        }
    }

    /**
     * @param idNat the national id ({@code IdNat_Struct})
     * @return an organisation known by its id only; add the rest with the {@code with…} methods
     */
    public static Organization of(String idNat) {
        return new Organization(idNat, Optional.empty(), Optional.empty());
    }

    /**
     * @param idNat the national id ({@code IdNat_Struct})
     * @param name the name
     * @return an organisation with its name
     */
    public static Organization of(String idNat, String name) {
        return of(idNat).withName(name);
    }

    /**
     * @param value the name
     * @return a copy with this name
     */
    public Organization withName(String value) {
        return new Organization(idNat, Optional.of(value), sector);
    }

    /**
     * @param value the activity sector (TRE_R02) or practice setting code
     * @return a copy with this code
     */
    public Organization withSector(Code value) {
        return new Organization(idNat, name, Optional.of(value));
    }
}
