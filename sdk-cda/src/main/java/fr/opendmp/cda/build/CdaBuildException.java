package fr.opendmp.cda.build;

import fr.opendmp.core.error.InvalidInputException;
import java.util.Objects;

/** A document cannot be built from the given input. Messages never quote patient data. */
public final class CdaBuildException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Reason {
        /** The patient identity is not QUALIFIEE: its INS may not be used. */
        IDENTITY_NOT_QUALIFIED,
        /** A required header element is missing. */
        MISSING_ELEMENT,
        /** The bytes given as a PDF are not a PDF. */
        NOT_A_PDF,
        /** A value is out of its allowed set or form. */
        INVALID_VALUE
    }

    /** Serialized: see {@link #reason()}. */
    private final Reason reason;

    /**
     * @param reason what is wrong
     * @param message details without patient data
     */
    public CdaBuildException(Reason reason, String message) {
        super(reason + ": " + message, Details.of("fix the record the message names, then build again"), null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason what is wrong
     * @param message details without patient data
     * @param cause the underlying error
     */
    public CdaBuildException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, Details.of("fix the record the message names, then build again"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return what is wrong */
    public Reason reason() {
        return reason;
    }
}
