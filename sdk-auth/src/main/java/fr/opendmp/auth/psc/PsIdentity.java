package fr.opendmp.auth.psc;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.party.Professional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional as Pro Santé Connect's userinfo describes them.
 *
 * @param nationalId {@code SubjectNameID} (IdNat_PS)
 * @param givenName {@code given_name}
 * @param familyName {@code family_name}
 * @param secteurActivite {@code Secteur_Activite} ({@code code^OID}), if given
 * @param exercices the practice situations ({@code SubjectRefPro.exercices})
 */
public record PsIdentity(String nationalId, String givenName, String familyName, Optional<String> secteurActivite,
        List<Exercice> exercices) {

    /**
     * A practice situation.
     *
     * @param codeProfession e.g. {@code 10} (Médecin)
     * @param codeCategorieProfessionnelle e.g. {@code C} (civil)
     * @param codeTypeSavoirFaire e.g. {@code S}, if any
     * @param codeSavoirFaire e.g. {@code SM26}, if any
     */
    public record Exercice(String codeProfession, String codeCategorieProfessionnelle,
            Optional<String> codeTypeSavoirFaire, Optional<String> codeSavoirFaire) {

        /**
         * Checks presence.
         * @param codeProfession e.g. {@code 10} (Médecin)
         * @param codeCategorieProfessionnelle e.g. {@code C} (civil)
         * @param codeTypeSavoirFaire e.g. {@code S}, if any
         * @param codeSavoirFaire e.g. {@code SM26}, if any
         */
        public Exercice {
            Objects.requireNonNull(codeProfession, "codeProfession");
            Objects.requireNonNull(codeCategorieProfessionnelle, "codeCategorieProfessionnelle");
            Objects.requireNonNull(codeTypeSavoirFaire, "codeTypeSavoirFaire");
            Objects.requireNonNull(codeSavoirFaire, "codeSavoirFaire");
        }

        /**
         * @return the key {@code codeProfession + codeCategorieProfessionnelle}, e.g. {@code 10C}
         */
        public String key() {
            return codeProfession + codeCategorieProfessionnelle;
        }
    }

    /**
     * Checks presence.
     * @param nationalId {@code SubjectNameID} (IdNat_PS)
     * @param givenName {@code given_name}
     * @param familyName {@code family_name}
     * @param secteurActivite {@code Secteur_Activite} ({@code code^OID}), if given
     * @param exercices the practice situations ({@code SubjectRefPro.exercices})
     */
    public PsIdentity {
        Objects.requireNonNull(nationalId, "nationalId");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(secteurActivite, "secteurActivite");
        exercices = List.copyOf(Objects.requireNonNull(exercices, "exercices"));
    }

    /**
     * Maps the identity to the professional a VIHF names (as the ANS Pro Santé Connect to VIHF gateway maps it): role 1 = profession, role 2 = the
     * specialty for physicians and pharmacists.
     *
     * @param exerciceKey the chosen situation, e.g. {@code 10C}
     * @return the professional
     * @throws IllegalArgumentException if there is no such situation
     */
    public Professional toProfessional(String exerciceKey) {
        Exercice exercice = exercices.stream().filter(e -> e.key().equals(exerciceKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no practice situation " + exerciceKey
                        + "; known: " + exercices.stream().map(Exercice::key).toList()));
        Professional p = Professional.of(nationalId, givenName, familyName).withProfession(
                Code.of(CodeSystems.TRE_G15, exercice.codeProfession(), "Profession " + exercice.codeProfession()));
        return exercice.codeSavoirFaire()
                .map(code -> p.withSpecialty(Code.of(CodeSystems.TRE_R38, code, "Savoir-faire " + code))).orElse(p);
    }

    /** Names only the national id (a name never reaches a log line). */
    @Override
    public String toString() {
        return "PsIdentity[" + nationalId + ", exercices " + exercices.stream().map(Exercice::key).toList() + "]";
    }
}
