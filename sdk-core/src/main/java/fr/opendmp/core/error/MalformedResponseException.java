package fr.opendmp.core.error;

/** The DMP's answer could not be used: not JSON, not the expected resource, too large, a required element missing. */
public class MalformedResponseException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public MalformedResponseException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
