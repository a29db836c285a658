package fr.opendmp.testkit.dmp;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A caller of the fake DMP as its credential describes it (the VIHF attributes of the ANS CI-SIS):
 * the SDK's {@link Professional} (IdNat_PS, names, TRE_G15 profession, TRE_R38 specialty, structure
 * and its TRE_R02 sector) and the authentication mode as the credential writes it. The fake's own
 * convention: a patient or legal representative caller has the profession code {@code PATIENT} or
 * {@code REPRESENTANT_LEGAL}. The string accessors are the values as the credential carries them
 * ({@code ""} when absent).
 *
 * @param professional the professional (its profession is required)
 * @param authenticationMode {@code DIRECTE}, {@code INDIRECTE} (no AIR) or {@code INDIRECTE_RENFORCEE},
 *     as the credential writes it (the fake's rules check it)
 */
public record FakeProfessional(Professional professional, String authenticationMode) {

    /**
     * Checks both parts.
     * @param professional the professional (its profession is required)
     * @param authenticationMode the authentication mode as the credential writes it
     */
    public FakeProfessional {
        Objects.requireNonNull(professional, "professional");
        if (professional.profession().isEmpty()) {
            throw new IllegalArgumentException("a caller of the fake needs a profession (or PATIENT)");
        }
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
     * @param givenName first name ({@code ""} when none)
     * @param familyName last name ({@code ""} when none)
     * @param structureId Identifiant_Structure (IdNat_Struct; {@code ""} for the default test structure)
     * @param profession profession code (TRE_G15, e.g. {@code 10} médecin), or {@code PATIENT} / {@code
     *     REPRESENTANT_LEGAL} for a non-professional caller
     * @param specialty specialty code (TRE_R38, e.g. {@code SM26}); {@code ""} when none
     * @param sector Secteur_Activite code (TRE_R02, e.g. {@code SA07}); {@code ""} when none
     * @param authenticationMode {@code DIRECTE}, {@code INDIRECTE} or {@code INDIRECTE_RENFORCEE}
     * @return the caller these credential values describe
     */
    public static FakeProfessional of(String idNatPs, String givenName, String familyName, String structureId,
            String profession, String specialty, String sector, String authenticationMode) {
        requireText(idNatPs, "idNatPs");
        requireText(profession, "profession");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(sector, "sector");
        Optional<Code> sectorCode = sector.isBlank() ? Optional.empty()
                : Optional.of(Code.of(CodeSystems.TRE_R02, sector, "Secteur " + sector));
        Optional<Organization> structure = structureId.isBlank() ? Optional.empty()
                : Optional.of(new Organization(structureId, Optional.empty(), sectorCode));
        Professional p = new Professional(idNatPs, Optional.empty(), present(givenName), present(familyName),
                Optional.of(Code.of(CodeSystems.TRE_G15, profession, "Profession " + profession)),
                specialty.isBlank() ? Optional.empty()
                        : Optional.of(Code.of(CodeSystems.TRE_R38, specialty, "Spécialité " + specialty)),
                structure);
        return new FakeProfessional(p, authenticationMode);
    }

    private static Optional<String> present(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * @param p a professional of the SDK's vocabulary (with its profession)
     * @param mode how it was authenticated
     * @return the fake's view of it
     */
    public static FakeProfessional of(Professional p, AuthenticationMode mode) {
        return new FakeProfessional(p, mode.name());
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
        return switch (profession()) {
            case "PATIENT" -> CallerKind.PATIENT;
            case "REPRESENTANT_LEGAL" -> CallerKind.LEGAL_REPRESENTATIVE;
            default -> CallerKind.PROFESSIONAL;
        };
    }

    /** @return the IdNat_PS */
    public String idNatPs() {
        return professional.idNat();
    }

    /** @return the first name, {@code ""} when none */
    public String givenName() {
        return professional.givenName().orElse("");
    }

    /** @return the last name, {@code ""} when none */
    public String familyName() {
        return professional.familyName().orElse("");
    }

    /** @return the Identifiant_Structure, {@code ""} when none (the default test structure) */
    public String structureId() {
        return professional.organization().map(Organization::idNat).orElse("");
    }

    /** @return the profession code (TRE_G15), or PATIENT / REPRESENTANT_LEGAL */
    public String profession() {
        return professional.profession().orElseThrow().code();
    }

    /** @return the specialty code (TRE_R38), {@code ""} when none */
    public String specialty() {
        return professional.specialty().map(Code::code).orElse("");
    }

    /** @return the Secteur_Activite code (TRE_R02), {@code ""} when none */
    public String sector() {
        return professional.organization().flatMap(Organization::sector).map(Code::code).orElse("");
    }

    /**
     * @return this professional as the SDK's caller, for {@code dmp.as(...)}: one client then acts for
     *     any professional of its structure, each call carrying its own (in normal access)
     * @throws IllegalArgumentException for a patient or legal representative (no professional identity)
     *     or an authentication mode the SDK does not know
     */
    public Caller caller() {
        return caller(AccessContext.normal());
    }

    /**
     * @param access the access mode and its reason
     * @return this professional as the SDK's caller, in this access mode
     * @throws IllegalArgumentException for a patient or legal representative (no professional identity)
     *     or an authentication mode the SDK does not know
     */
    public Caller caller(AccessContext access) {
        if (kind() != CallerKind.PROFESSIONAL) {
            throw new IllegalArgumentException("a " + kind() + " is not a health professional");
        }
        Organization structure = professional.organization()
                .orElse(Organization.of(fr.opendmp.testkit.auth.SignedTestCredentials.STRUCTURE_ID));
        if (structure.sector().isEmpty()) {
            structure = structure.withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07"));
        }
        return Caller.of(professional.withOrganization(structure),
                AuthenticationMode.valueOf(authenticationMode.toUpperCase(Locale.ROOT)), access);
    }

    /** No names in logs. */
    @Override
    public String toString() {
        return "FakeProfessional[" + idNatPs() + ", " + profession() + "]";
    }

    /** Builder of {@link FakeProfessional}; every setting has a default and may be given once. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

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
            once("name");
            this.givenName = given;
            this.familyName = family;
            return this;
        }

        /**
         * @param value the structure id
         * @return this builder with the structure id
         */
        public Builder structureId(String value) {
            once("structureId");
            this.structureId = value;
            return this;
        }

        /**
         * @param value the profession
         * @return this builder with the profession code (or PATIENT / REPRESENTANT_LEGAL)
         */
        public Builder profession(String value) {
            once("profession");
            this.profession = value;
            return this;
        }

        /**
         * @param value the specialty
         * @return this builder with the specialty code (empty for none)
         */
        public Builder specialty(String value) {
            once("specialty");
            this.specialty = value;
            return this;
        }

        /**
         * @param value the sector
         * @return this builder with the Secteur_Activite code
         */
        public Builder sector(String value) {
            once("sector");
            this.sector = value;
            return this;
        }

        /**
         * @param value the authentication mode
         * @return this builder with the authentication mode (DIRECTE, INDIRECTE, INDIRECTE_RENFORCEE)
         */
        public Builder authenticationMode(String value) {
            once("authenticationMode");
            this.authenticationMode = value;
            return this;
        }

        /** @return the professional */
        public FakeProfessional build() {
            return FakeProfessional.of(idNatPs, givenName, familyName, structureId, profession, specialty, sector,
                    authenticationMode);
        }
    }
}
