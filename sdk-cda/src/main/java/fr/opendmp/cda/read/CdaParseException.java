package fr.opendmp.cda.read;

import java.util.Objects;

/**
 * A document could not be read as a CDA. The message never quotes the document's content.
 */
public final class CdaParseException extends Exception {

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

    private final Reason reason;

    /**
     * @param reason why
     * @param message what happened, without document content
     * @param cause the underlying error, if any
     */
    public CdaParseException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the document was refused */
    public Reason reason() {
        return reason;
    }
}
