package fr.opendmp.testkit.psc;

import fr.opendmp.core.code.CodeSystems;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional the fake Pro Santé Connect knows.
 *
 * @param idNat IdNat_PS (8 + RPPS), e.g. {@code 899700366240}
 * @param givenName given name
 * @param familyName family name
 * @param secteurActivite {@code code^OID}, e.g. {@code SA07^1.2.250.1.71.4.2.4}
 * @param exercices practice situations
 */
public record SeededProfessional(String idNat, String givenName, String familyName, String secteurActivite,
        List<Exercice> exercices) {

    /**
     * A practice situation.
     *
     * @param codeProfession e.g. {@code 10}
     * @param codeCategorieProfessionnelle e.g. {@code C}
     * @param codeSavoirFaire e.g. {@code SM26}, if any
     */
    public record Exercice(String codeProfession, String codeCategorieProfessionnelle, Optional<String> codeSavoirFaire) {
        /**
         * Checks presence.
         * @param codeProfession e.g. {@code 10}
         * @param codeCategorieProfessionnelle e.g. {@code C}
         * @param codeSavoirFaire e.g. {@code SM26}, if any
         */
        public Exercice {
            Objects.requireNonNull(codeProfession, "codeProfession");
            Objects.requireNonNull(codeCategorieProfessionnelle, "codeCategorieProfessionnelle");
            Objects.requireNonNull(codeSavoirFaire, "codeSavoirFaire");
        }
    }

    /**
     * Checks presence.
     * @param idNat IdNat_PS (8 + RPPS), e.g. {@code 899700366240}
     * @param givenName given name
     * @param familyName family name
     * @param secteurActivite {@code code^OID}, e.g. {@code SA07^1.2.250.1.71.4.2.4}
     * @param exercices practice situations
     */
    public SeededProfessional {
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(secteurActivite, "secteurActivite");
        exercices = List.copyOf(exercices);
    }

    /**
     * @param idNat IdNat_PS (8 + RPPS), e.g. {@code 899700366240}
     * @param givenName given name
     * @param familyName family name
     * @return a general practitioner (10 / SM26) with the given id
     */
    public static SeededProfessional generalPractitioner(String idNat, String givenName, String familyName) {
        return new SeededProfessional(idNat, givenName, familyName, "SA07^" + CodeSystems.TRE_R02_OID,
                List.of(new Exercice("10", "C", Optional.of("SM26"))));
    }

    /** Masks the names. */
    @Override
    public String toString() {
        return "SeededProfessional[" + idNat + "]";
    }
}
