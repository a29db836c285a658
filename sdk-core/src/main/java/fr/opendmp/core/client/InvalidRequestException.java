package fr.opendmp.core.client;

/** The DMP refused the request as invalid (400, 405, 406, 413, 422), or the SDK refused to send it. The issues name the faulty element. */
public class InvalidRequestException extends DmpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details side, retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidRequestException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
