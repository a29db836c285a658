package fr.opendmp.core.error;

/** The exchange failed on the client side: timeout, connection reset, TLS failure, truncated body. */
public class TransportException extends DmpClientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public TransportException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
