package fr.opendmp.cda.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a VSM (volet de synthèse médicale). Every list may be empty: the mandatory sections
 * are always written, with "Aucun élément renseigné" as narrative when empty; the optional
 * sub-sections (surgical history, lifestyle, occupational risks, family history) only when given.
 *
 * @param activeProblems pathologies en cours
 * @param medicalHistory antécédents médicaux
 * @param surgicalHistory antécédents chirurgicaux
 * @param allergies allergies et hypersensibilités
 * @param lifestyle habitus, mode de vie
 * @param occupationalRisks facteurs de risque professionnels
 * @param familyHistory antécédents familiaux
 * @param vigilancePoints points de vigilance (results section)
 * @param treatments traitement au long cours
 */
public record Vsm(List<Problem> activeProblems, List<Problem> medicalHistory, List<Problem> surgicalHistory,
        List<Allergy> allergies, List<String> lifestyle, List<String> occupationalRisks, List<String> familyHistory,
        List<String> vigilancePoints, List<Medication> treatments) {

    /**
     * Copies the lists.
     * @param activeProblems pathologies en cours
     * @param medicalHistory antécédents médicaux
     * @param surgicalHistory antécédents chirurgicaux
     * @param allergies allergies et hypersensibilités
     * @param lifestyle habitus, mode de vie
     * @param occupationalRisks facteurs de risque professionnels
     * @param familyHistory antécédents familiaux
     * @param vigilancePoints points de vigilance (results section)
     * @param treatments traitement au long cours
     */
    public Vsm {
        activeProblems = List.copyOf(activeProblems);
        medicalHistory = List.copyOf(medicalHistory);
        surgicalHistory = List.copyOf(surgicalHistory);
        allergies = List.copyOf(allergies);
        lifestyle = List.copyOf(lifestyle);
        occupationalRisks = List.copyOf(occupationalRisks);
        familyHistory = List.copyOf(familyHistory);
        vigilancePoints = List.copyOf(vigilancePoints);
        treatments = List.copyOf(treatments);
    }

    /** Health data masked: the number of items of each list only. */
    @Override
    public String toString() {
        return "Vsm[activeProblems=" + activeProblems.size() + ", medicalHistory=" + medicalHistory.size()
                + ", surgicalHistory=" + surgicalHistory.size() + ", allergies=" + allergies.size()
                + ", lifestyle=" + lifestyle.size() + ", occupationalRisks=" + occupationalRisks.size()
                + ", familyHistory=" + familyHistory.size() + ", vigilancePoints=" + vigilancePoints.size()
                + ", treatments=" + treatments.size() + ", content ***]";
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Vsm}; each method adds to its list. Not thread-safe. */
    public static final class Builder {
        private final List<Problem> activeProblems = new ArrayList<>();
        private final List<Problem> medicalHistory = new ArrayList<>();
        private final List<Problem> surgicalHistory = new ArrayList<>();
        private final List<Allergy> allergies = new ArrayList<>();
        private final List<String> lifestyle = new ArrayList<>();
        private final List<String> occupationalRisks = new ArrayList<>();
        private final List<String> familyHistory = new ArrayList<>();
        private final List<String> vigilancePoints = new ArrayList<>();
        private final List<Medication> treatments = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param p the problem
         * @return this; adds a current pathology
         */
        public Builder activeProblem(Problem p) {
            activeProblems.add(Objects.requireNonNull(p, "problem"));
            return this;
        }

        /**
         * @param p the problem
         * @return this; adds a medical antecedent
         */
        public Builder medicalHistory(Problem p) {
            medicalHistory.add(Objects.requireNonNull(p, "problem"));
            return this;
        }

        /**
         * @param p the problem
         * @return this; adds a surgical antecedent
         */
        public Builder surgicalHistory(Problem p) {
            surgicalHistory.add(Objects.requireNonNull(p, "problem"));
            return this;
        }

        /**
         * @param a the first one
         * @return this; adds an allergy
         */
        public Builder allergy(Allergy a) {
            allergies.add(Objects.requireNonNull(a, "allergy"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds a lifestyle fact
         */
        public Builder lifestyle(String text) {
            lifestyle.add(Objects.requireNonNull(text, "lifestyle"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds an occupational risk
         */
        public Builder occupationalRisk(String text) {
            occupationalRisks.add(Objects.requireNonNull(text, "occupationalRisk"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds a family antecedent
         */
        public Builder familyHistory(String text) {
            familyHistory.add(Objects.requireNonNull(text, "familyHistory"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds a point of vigilance
         */
        public Builder vigilancePoint(String text) {
            vigilancePoints.add(Objects.requireNonNull(text, "vigilancePoint"));
            return this;
        }

        /**
         * @param m the medication
         * @return this; adds a long-term treatment
         */
        public Builder treatment(Medication m) {
            treatments.add(Objects.requireNonNull(m, "treatment"));
            return this;
        }

        /** @return the VSM body */
        public Vsm build() {
            return new Vsm(activeProblems, medicalHistory, surgicalHistory, allergies, lifestyle, occupationalRisks,
                    familyHistory, vigilancePoints, treatments);
        }
    }
}
