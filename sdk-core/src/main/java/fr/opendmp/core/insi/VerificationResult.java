package fr.opendmp.core.insi;

import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsIdentity;
import fr.opendmp.core.ins.TraitDifference;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link InsiClient#verify(InsIdentity)}: is the stored INS still the one INSi gives? */
public sealed interface VerificationResult permits VerificationResult.Confirmed,
        VerificationResult.MatriculeChanged, VerificationResult.TraitsChanged, VerificationResult.NotConfirmed {

    /**
     * INSi returns the same active INS and the same traits.
     *
     * @param current the fresh answer
     */
    record Confirmed(InsIdentity current) implements VerificationResult {
        /**
         * Checks the answer.
         * @param current the fresh answer
         */
        public Confirmed {
            Objects.requireNonNull(current, "current");
        }
    }

    /**
     * {@code MATRICULE_CHANGED}: INSi's active INS differs and the stored one is in its history
     * (NIA → NIR, correction). Replace the active INS, keep the old one, re-index the patient.
     *
     * @param current the fresh answer, with the new active INS
     * @param previous the stored INS, now historical
     */
    record MatriculeChanged(InsIdentity current, Ins previous) implements VerificationResult {
        /**
         * Checks each part.
         * @param current the fresh answer
         * @param previous the stored INS, now historical
         */
        public MatriculeChanged {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(previous, "previous");
        }
    }

    /**
     * Same INS but the INSi traits changed: the stored identity is no longer coherent (fact I is
     * lost until the traits are reviewed).
     *
     * @param current the fresh answer
     * @param differences what changed, trait by trait
     */
    record TraitsChanged(InsIdentity current, List<TraitDifference> differences) implements VerificationResult {
        /**
         * Checks each part.
         * @param current the fresh answer
         * @param differences what changed, trait by trait
         */
        public TraitsChanged {
            Objects.requireNonNull(current, "current");
            differences = List.copyOf(differences);
        }
    }

    /**
     * INSi did not confirm the stored INS: no identity, several, or an unrelated one.
     *
     * @param answer what INSi answered
     */
    record NotConfirmed(InsiResult answer) implements VerificationResult {
        /**
         * Checks the answer.
         * @param answer what INSi answered
         */
        public NotConfirmed {
            Objects.requireNonNull(answer, "answer");
        }
    }
}
