package fr.opendmp.core.error;

/** The request conflicts with the DMP's state, e.g. a uniqueId already stored (409, 412). */
public class ConflictException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public ConflictException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
