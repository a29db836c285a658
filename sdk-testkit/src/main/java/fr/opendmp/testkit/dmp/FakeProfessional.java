package fr.opendmp.testkit.dmp;

import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.caller.Professional;
import fr.opendmp.core.caller.Structure;
import fr.opendmp.core.code.Code;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller of the fake DMP as its credential describes it (the VIHF attributes of the ANS CI-SIS).
 *
 * @param idNatPs national id (IdNat_PS, e.g. {@code 899700218896} = 8 + RPPS)
 * @param givenName first name
 * @param familyName last name
 * @param structureId Identifiant_Structure (IdNat_Struct)
 * @param profession profession code (TRE_G15, e.g. {@code 10} médecin), or {@code PATIENT} /
 *        {@code REPRESENTANT_LEGAL} for a non-professional caller
 * @param specialty specialty code (TRE_R01, e.g. {@code SM26}); empty when none
 * @param sector Secteur_Activite code (TRE_R02, e.g. {@code SA07})
 * @param authenticationMode {@code DIRECTE}, {@code INDIRECTE} (no AIR) or {@code INDIRECTE_RENFORCEE}
 */
public record FakeProfessional(String idNatPs, String givenName, String familyName, String structureId,
        String profession, String specialty, String sector, String authenticationMode) {

    /**
     * Checks every field is present (specialty may be empty).
     * @param idNatPs national id (IdNat_PS, e.g. {@code 899700218896} = 8 + RPPS)
     * @param givenName first name
     * @param familyName last name
     * @param structureId Identifiant_Structure (IdNat_Struct)
     * @param profession profession code (TRE_G15, e.g. {@code 10} médecin), or {@code PATIENT} / {@code
     *     REPRESENTANT_LEGAL} for a non-professional caller
     * @param specialty specialty code (TRE_R01, e.g. {@code SM26}); empty when none
     * @param sector Secteur_Activite code (TRE_R02, e.g. {@code SA07})
     * @param authenticationMode {@code DIRECTE}, {@code INDIRECTE} (no AIR) or {@code INDIRECTE_RENFORCEE}
     */
    public FakeProfessional {
        requireText(idNatPs, "idNatPs");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(structureId, "structureId");
        requireText(profession, "profession");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(sector, "sector");
        requireText(authenticationMode, "authenticationMode");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * @param idNatPs national id (IdNat_PS, e.g. {@code 899700218896} = 8 + RPPS)
     * @return a builder for a professional with this IdNat_PS (médecin généraliste by default)
     */
    public static Builder builder(String idNatPs) {
        return new Builder(idNatPs);
    }

    /**
     * @param idNatPs national id (IdNat_PS, e.g. {@code 899700218896} = 8 + RPPS)
     * @return a médecin généraliste with this IdNat_PS and placeholder names
     */
    public static FakeProfessional doctor(String idNatPs) {
        return builder(idNatPs).build();
    }

    /** @return which kind of caller this is */
    public CallerKind kind() {
        return switch (profession) {
            case "PATIENT" -> CallerKind.PATIENT;
            case "REPRESENTANT_LEGAL" -> CallerKind.LEGAL_REPRESENTATIVE;
            default -> CallerKind.PROFESSIONAL;
        };
    }

    /** No names in logs. */
    /**
     * @return this professional in the SDK's vocabulary, for {@code dmp.as(Caller.of(...))}: one
     *     client then acts for any professional of its structure, each call carrying its own
     * @throws IllegalArgumentException for a patient or legal representative (no professional identity)
     */
    public Professional professional() {
        if (kind() != CallerKind.PROFESSIONAL) {
            throw new IllegalArgumentException("a " + kind() + " is not a health professional");
        }
        String display = (familyName + " " + givenName).trim();
        return new Professional(idNatPs, display.isEmpty() ? idNatPs : display,
                Code.of(FakeDmpClaims.PROFESSION_SYSTEM, profession, "Profession " + profession),
                specialty.isBlank() ? Optional.empty()
                        : Optional.of(Code.of(FakeDmpClaims.SPECIALTY_SYSTEM, specialty, "Spécialité " + specialty)),
                new Structure(structureId.isBlank() ? fr.opendmp.testkit.auth.SignedTestCredentials.STRUCTURE_ID : structureId,
                        Code.of(FakeDmpClaims.SECTOR_SYSTEM, sector.isBlank() ? "SA07" : sector, "Secteur")),
                AuthenticationMode.valueOf(authenticationMode.toUpperCase(Locale.ROOT)));
    }

    /**
     * @param p a professional of the SDK's vocabulary
     * @return the fake's view of it (names split on the first space of the display name)
     */
    public static FakeProfessional of(Professional p) {
        String display = p.displayName();
        int space = display.indexOf(' ');
        String family = space < 0 ? display : display.substring(0, space);
        String given = space < 0 ? "" : display.substring(space + 1);
        return new FakeProfessional(p.idNat(), given, family, p.structure().idNat(), p.profession().code(),
                p.specialty().map(Code::code).orElse(""), p.structure().sector().code(), p.authenticationMode().name());
    }

    @Override
    public String toString() {
        return "FakeProfessional[" + idNatPs + ", " + profession + "]";
    }

    /** Builder of {@link FakeProfessional}; every setting has a default. */
    public static final class Builder {
        private final String idNatPs;
        private String givenName = "Test";
        private String familyName = "PRATICIEN";
        private String structureId = "499700218896001";
        private String profession = "10";
        private String specialty = "SM26";
        private String sector = "SA07";
        private String authenticationMode = "INDIRECTE_RENFORCEE";

        private Builder(String idNatPs) {
            this.idNatPs = idNatPs;
        }

        /**
         * @param given the given
         * @param family the family
         * @return this builder with the given names
         */
        public Builder name(String given, String family) {
            this.givenName = given;
            this.familyName = family;
            return this;
        }

        /**
         * @param value the structure id
         * @return this builder with the structure id
         */
        public Builder structureId(String value) {
            this.structureId = value;
            return this;
        }

        /**
         * @param value the profession
         * @return this builder with the profession code (or PATIENT / REPRESENTANT_LEGAL)
         */
        public Builder profession(String value) {
            this.profession = value;
            return this;
        }

        /**
         * @param value the specialty
         * @return this builder with the specialty code (empty for none)
         */
        public Builder specialty(String value) {
            this.specialty = value;
            return this;
        }

        /**
         * @param value the sector
         * @return this builder with the Secteur_Activite code
         */
        public Builder sector(String value) {
            this.sector = value;
            return this;
        }

        /**
         * @param value the authentication mode
         * @return this builder with the authentication mode (DIRECTE, INDIRECTE, INDIRECTE_RENFORCEE)
         */
        public Builder authenticationMode(String value) {
            this.authenticationMode = value;
            return this;
        }

        /** @return the professional */
        public FakeProfessional build() {
            return new FakeProfessional(idNatPs, givenName, familyName, structureId, profession, specialty,
                    sector, authenticationMode);
        }
    }
}
