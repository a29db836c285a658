package fr.opendmp.core.ins;

/** The identity traits the SDK knows: the strict traits (RNIV) and the used (complementary) names. */
public enum Trait {
    /** Nom de naissance (strict). */
    BIRTH_NAME(true),
    /** Premier prénom de naissance (strict). */
    FIRST_BIRTH_FIRST_NAME(true),
    /** Liste des prénoms de naissance (strict). */
    BIRTH_FIRST_NAMES(true),
    /** Date de naissance (strict). */
    BIRTH_DATE(true),
    /** Sexe (strict). */
    SEX(true),
    /** Lieu de naissance, INSEE COG code (strict). */
    BIRTH_PLACE(true),
    /** Nom utilisé (complementary: never matched on). */
    USED_NAME(false),
    /** Prénom utilisé (complementary: never matched on). */
    USED_FIRST_NAME(false);

    private final boolean strict;

    Trait(boolean strict) {
        this.strict = strict;
    }

    /** @return whether this is a strict trait (used to identify and to match) */
    public boolean isStrict() {
        return strict;
    }
}
