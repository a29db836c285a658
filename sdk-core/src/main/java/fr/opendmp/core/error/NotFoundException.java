package fr.opendmp.core.error;

/** The patient's DMP, the document or its content is unknown (404/410). */
public class NotFoundException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public NotFoundException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
