package fr.opendmp.cda.read;

import fr.opendmp.core.error.DmpClientException;
import java.util.Objects;

/**
 * A document could not be read as a CDA: a client-side error of the SDK's one root, unchecked,
 * never retryable (the same bytes fail the same way). The message never quotes the document's
 * content.
 */
public final class CdaParseException extends DmpClientException {

    private static final long serialVersionUID = 1L;

    /** Why the document was refused. */
    public enum Reason {
        /** The document declares a DTD ({@code <!DOCTYPE}); refused to stop entity attacks. */
        DOCTYPE_FORBIDDEN,
        /** The document is larger than the reader's limit. */
        TOO_LARGE,
        /** Elements nest deeper than the reader's limit (stops stack exhaustion by deep XML). */
        TOO_DEEP,
        /** The bytes are not well-formed XML. */
        MALFORMED,
        /** Well-formed XML, but not an HL7 v3 {@code ClinicalDocument}. */
        NOT_CDA,
        /** The input stream failed. */
        IO
    }

    /** Serialized: see {@link #reason()}. */
    private final Reason reason;

    /**
     * @param reason why
     * @param message what happened, without document content
     * @param cause the underlying error, if any
     */
    public CdaParseException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, Details.of(reason == Reason.DOCTYPE_FORBIDDEN
                ? "a CI-SIS CDA never declares a DTD: produce the document without one"
                : reason == Reason.TOO_LARGE ? "raise the reader's limit only if such a document is expected"
                : "check that the bytes are a CDA R2 ClinicalDocument"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the document was refused */
    public Reason reason() {
        return reason;
    }
}
