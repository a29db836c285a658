package fr.opendmp.core.ins;

import java.util.Objects;

/**
 * An identity trait broke a normalisation or format rule.
 *
 * <p>The message names the trait and the rule; it never echoes the value (health data), so it may
 * be logged. Nothing is silently deleted or truncated: bad input is refused.
 */
public final class InvalidTraitException extends IllegalArgumentException {

    /** Which rule the trait broke. */
    public enum Reason {
        /** A required trait is missing or blank. */
        MISSING,
        /** A character outside A–Z, space, hyphen and apostrophe remains after normalisation. */
        TRAIT_CHARACTERS,
        /** A single first name contains a space. */
        FIRST_NAME_SPACE,
        /** Longer than the 100-character maximum. */
        TOO_LONG,
        /** Starts or ends with a hyphen or apostrophe, or has no letter at all. */
        SHAPE,
        /** The premier prénom is not the first name (or a leading run of names) of the list. */
        FIRST_NAME_NOT_IN_LIST,
        /** The birth date is not {@code YYYY-MM-DD} with month 00–12 and day 00–31. */
        DATE_FORMAT,
        /** The sex is not M or F. */
        SEX,
        /** The birth place is not a 5-character INSEE COG code. */
        PLACE_CODE,
        /** A builder setting was given twice. */
        SET_TWICE
    }

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #trait()}. */
    private final Trait trait;
    /** Serialized: see {@link #reason()}. */
    private final Reason reason;

    /**
     * @param trait the trait concerned
     * @param reason the rule broken
     * @param message what is wrong (never the value itself)
     */
    public InvalidTraitException(Trait trait, Reason reason, String message) {
        super(trait + ": " + message);
        this.trait = Objects.requireNonNull(trait, "trait");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the trait concerned */
    public Trait trait() {
        return trait;
    }

    /** @return the rule broken */
    public Reason reason() {
        return reason;
    }
}
