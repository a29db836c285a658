package fr.opendmp.core.ins;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One strict trait that differs between the local identity and the INSi answer, after
 * normalisation. The values are there for the identity-vigilance screen; {@link #toString()}
 * shows the trait name only.
 *
 * @param trait the trait that differs
 * @param local the local value (empty when the local identity lacks it)
 * @param reference the value returned by INSi (empty when INSi returned none)
 */
public record TraitDifference(Trait trait, Optional<String> local, Optional<String> reference) {

    /**
     * Checks that each part is present.
     * @param trait the trait that differs
     * @param local the local value (empty when the local identity lacks it)
     * @param reference the value returned by INSi (empty when INSi returned none)
     */
    public TraitDifference {
        Objects.requireNonNull(trait, "trait");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(reference, "reference");
    }

    /**
     * Compares the strict traits: exact equality after normalisation, trait by trait. Used names
     * are never compared; the premier prénom is compared through the whole list. A birth place missing on one side only is a difference.
     *
     * @param local the local identity's traits
     * @param reference the INSi traits
     * @return the differences, empty when the traits are coherent
     */
    public static List<TraitDifference> between(IdentityTraits local, IdentityTraits reference) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(reference, "reference");
        List<TraitDifference> diffs = new ArrayList<>();
        add(diffs, Trait.BIRTH_NAME, local.birthName(), reference.birthName());
        add(diffs, Trait.BIRTH_FIRST_NAMES, local.birthFirstNamesText(), reference.birthFirstNamesText());
        add(diffs, Trait.BIRTH_DATE, local.birthDate(), reference.birthDate());
        add(diffs, Trait.SEX, local.sex().code(), reference.sex().code());
        if (!local.birthPlaceCode().equals(reference.birthPlaceCode())) {
            diffs.add(new TraitDifference(Trait.BIRTH_PLACE, local.birthPlaceCode(), reference.birthPlaceCode()));
        }
        return List.copyOf(diffs);
    }

    private static void add(List<TraitDifference> diffs, Trait trait, String local, String reference) {
        if (!local.equals(reference)) {
            diffs.add(new TraitDifference(trait, Optional.of(local), Optional.of(reference)));
        }
    }

    /** Masked: the trait name only. */
    @Override
    public String toString() {
        return "TraitDifference[" + trait + "]";
    }
}
