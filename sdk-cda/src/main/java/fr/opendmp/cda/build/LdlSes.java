package fr.opendmp.cda.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The body of a lettre de liaison à la sortie d'un établissement de santé (LDL-SES 2022.01).
 * The four mandatory sections (statut, motif, synthèse du séjour, traitements à la sortie) are
 * always written; the optional ones only when their list is not empty.
 *
 * @param documentStatus the document status as text (e.g. "Validé", "En cours")
 * @param admissionReason motif de l'hospitalisation
 * @param staySummary synthèse médicale du séjour (paragraphs)
 * @param dischargeTreatments traitements à la sortie (may be empty: "none" is then written)
 * @param stoppedTreatments traitements arrêtés durant le séjour
 * @param results résultats d'examens / autres informations attendues
 * @param followUp suites à donner
 * @param devices dispositifs médicaux
 * @param allergies allergies identifiées pendant le séjour
 */
public record LdlSes(String documentStatus, String admissionReason, List<String> staySummary,
        List<Medication> dischargeTreatments, List<Medication> stoppedTreatments, List<String> results,
        List<String> followUp, List<String> devices, List<Allergy> allergies) {

    /**
     * Checks the mandatory texts and copies the lists.
     * @param documentStatus the document status as text (e.g. "Validé", "En cours")
     * @param admissionReason motif de l'hospitalisation
     * @param staySummary synthèse médicale du séjour (paragraphs)
     * @param dischargeTreatments traitements à la sortie (may be empty: "none" is then written)
     * @param stoppedTreatments traitements arrêtés durant le séjour
     * @param results résultats d'examens / autres informations attendues
     * @param followUp suites à donner
     * @param devices dispositifs médicaux
     * @param allergies allergies identifiées pendant le séjour
     */
    public LdlSes {
        Objects.requireNonNull(documentStatus, "documentStatus");
        Objects.requireNonNull(admissionReason, "admissionReason");
        if (admissionReason.isBlank()) {
            throw new IllegalArgumentException("an LDL-SES needs the reason of the stay");
        }
        staySummary = List.copyOf(staySummary);
        if (staySummary.isEmpty()) {
            throw new IllegalArgumentException("an LDL-SES needs a summary of the stay");
        }
        dischargeTreatments = List.copyOf(dischargeTreatments);
        stoppedTreatments = List.copyOf(stoppedTreatments);
        results = List.copyOf(results);
        followUp = List.copyOf(followUp);
        devices = List.copyOf(devices);
        allergies = List.copyOf(allergies);
    }

    /** Health data masked: the number of items of each list only. */
    @Override
    public String toString() {
        return "LdlSes[staySummary=" + staySummary.size() + ", dischargeTreatments=" + dischargeTreatments.size()
                + ", stoppedTreatments=" + stoppedTreatments.size() + ", results=" + results.size()
                + ", followUp=" + followUp.size() + ", devices=" + devices.size() + ", allergies=" + allergies.size()
                + ", content ***]";
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link LdlSes}; the status and the reason may be given once, the lists are added to.
     * Not thread-safe.
     */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private String documentStatus = "Validé";
        private String admissionReason;
        private final List<String> staySummary = new ArrayList<>();
        private final List<Medication> dischargeTreatments = new ArrayList<>();
        private final List<Medication> stoppedTreatments = new ArrayList<>();
        private final List<String> results = new ArrayList<>();
        private final List<String> followUp = new ArrayList<>();
        private final List<String> devices = new ArrayList<>();
        private final List<Allergy> allergies = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param value the document status
         * @return this; the document status text (default "Validé")
         */
        public Builder documentStatus(String value) {
            once("documentStatus");
            this.documentStatus = Objects.requireNonNull(value, "documentStatus");
            return this;
        }

        /**
         * @param value the admission reason
         * @return this; the reason of the stay
         */
        public Builder admissionReason(String value) {
            once("admissionReason");
            this.admissionReason = Objects.requireNonNull(value, "admissionReason");
            return this;
        }

        /**
         * @param paragraph the paragraph
         * @return this; adds a paragraph to the summary of the stay
         */
        public Builder staySummary(String paragraph) {
            staySummary.add(Objects.requireNonNull(paragraph, "staySummary"));
            return this;
        }

        /**
         * @param m the medication
         * @return this; adds a treatment at discharge
         */
        public Builder dischargeTreatment(Medication m) {
            dischargeTreatments.add(Objects.requireNonNull(m, "treatment"));
            return this;
        }

        /**
         * @param m the medication
         * @return this; adds a treatment stopped during the stay
         */
        public Builder stoppedTreatment(Medication m) {
            stoppedTreatments.add(Objects.requireNonNull(m, "treatment"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds a result or expected information
         */
        public Builder result(String text) {
            results.add(Objects.requireNonNull(text, "result"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds a follow-up instruction
         */
        public Builder followUp(String text) {
            followUp.add(Objects.requireNonNull(text, "followUp"));
            return this;
        }

        /**
         * @param text the text
         * @return this; adds a medical device
         */
        public Builder device(String text) {
            devices.add(Objects.requireNonNull(text, "device"));
            return this;
        }

        /**
         * @param a the first one
         * @return this; adds an allergy found during the stay
         */
        public Builder allergy(Allergy a) {
            allergies.add(Objects.requireNonNull(a, "allergy"));
            return this;
        }

        /**
         * @return the LDL-SES body
         * @throws IllegalArgumentException if the reason or the summary is missing
         */
        public LdlSes build() {
            if (admissionReason == null) {
                throw new IllegalArgumentException("an LDL-SES needs the reason of the stay");
            }
            return new LdlSes(documentStatus, admissionReason, staySummary, dischargeTreatments, stoppedTreatments,
                    results, followUp, devices, allergies);
        }
    }
}
