package fr.opendmp.core.error;

/**
 * The service refused the request as invalid (HTTP 400, 405, 406, 413, 415, 422, a SOAP sender
 * fault, an XDS registry error on the request). The issues name the faulty element. Input the SDK
 * refuses before sending is an {@link InvalidInputException}.
 */
public class InvalidRequestException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidRequestException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
