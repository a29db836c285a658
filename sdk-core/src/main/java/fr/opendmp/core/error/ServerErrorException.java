package fr.opendmp.core.error;

/** The DMP failed (500 and other 5xx). Retryable only for idempotent calls, which the SDK already retried. */
public class ServerErrorException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public ServerErrorException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
