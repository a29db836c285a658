package fr.opendmp.core.ins;

import java.util.Objects;

/**
 * A matricule INS (NIR or NIA) failed the format check.
 *
 * <p>The message says what is wrong (length, character, key, month…) and never echoes the
 * whole number, so it may be logged.
 */
public final class InvalidMatriculeException extends IllegalArgumentException {

    /** What made the matricule invalid. */
    public enum Reason {
        /** Not 15 characters (or 13 + 2) after removing spaces and dots. */
        LENGTH,
        /** A letter outside positions 6–7, or a letter pair other than 2A/2B. */
        CHARACTERS,
        /** The first digit is not 1, 2 (or the legacy 3, 4). */
        TYPE_DIGIT,
        /** Month 00 or 13–19. */
        IMPOSSIBLE_MONTH,
        /** The key is not two digits in 01–97. */
        KEY_FORMAT,
        /** The key does not match the number (mod 97). */
        KEY_MISMATCH
    }

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #reason()}. */
    private final Reason reason;

    InvalidMatriculeException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the rule the matricule broke */
    public Reason reason() {
        return reason;
    }
}
