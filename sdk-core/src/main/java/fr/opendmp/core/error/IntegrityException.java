package fr.opendmp.core.error;

/** The content retrieved does not match the size or SHA-1 of its DocumentReference: it must not be used. */
public class IntegrityException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public IntegrityException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
