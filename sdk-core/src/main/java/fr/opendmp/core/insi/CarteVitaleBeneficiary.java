package fr.opendmp.core.insi;

import fr.opendmp.core.ins.Trait;
import fr.opendmp.core.ins.TraitNormalization;
import java.util.Objects;
import java.util.Optional;

/**
 * The beneficiary an operator chose on a Carte Vitale, as read from the card, for
 * {@link InsiClient#searchByVitale(CarteVitaleBeneficiary)}.
 *
 * <p>The card may carry several beneficiaries (children, twins): the operator must choose one
 * explicitly. The card holder's number is <b>never</b> the patient's INS. The exact RECVIT fields
 * are not public (CNAM INSi teleservice, unsure); the SDK sends the fields below.
 *
 * @param birthName the beneficiary's name as on the card, normalised
 * @param firstName the beneficiary's first name as on the card, normalised
 * @param birthDate {@code YYYY-MM-DD} (may be non-calendar)
 * @param birthRank the rang gémellaire (1, 2… for twins), if the card gives it
 */
public record CarteVitaleBeneficiary(String birthName, String firstName, String birthDate,
        Optional<Integer> birthRank) {

    /**
     * Normalises and checks each part.
     * @param birthName the beneficiary's name as on the card, normalised
     * @param firstName the beneficiary's first name as on the card, normalised
     * @param birthDate {@code YYYY-MM-DD} (may be non-calendar)
     * @param birthRank the rang gémellaire (1, 2… for twins), if the card gives it
     */
    public CarteVitaleBeneficiary {
        birthName = TraitNormalization.name(Trait.BIRTH_NAME, birthName);
        firstName = TraitNormalization.firstName(Trait.FIRST_BIRTH_FIRST_NAME, firstName);
        birthDate = TraitNormalization.birthDate(birthDate);
        Objects.requireNonNull(birthRank, "birthRank");
        birthRank.ifPresent(r -> {
            if (r < 1 || r > 9) {
                throw new IllegalArgumentException("birthRank: the rang gémellaire is 1 to 9");
            }
        });
    }

    /** Masked. */
    @Override
    public String toString() {
        return "CarteVitaleBeneficiary[***" + birthRank.map(r -> ", rank " + r).orElse("") + "]";
    }
}
