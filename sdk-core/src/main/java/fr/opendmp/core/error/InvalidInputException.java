package fr.opendmp.core.error;

/**
 * The SDK refused the input before sending anything: a missing or inconsistent field, a patient
 * whose identity or OID may not reach this service, a document over the size limit. Fix the input;
 * retrying the same call cannot succeed.
 */
public class InvalidInputException extends DmpClientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong (no health data)
     * @param hint what to do
     */
    public InvalidInputException(String message, String hint) {
        super(message, Details.of(hint), null);
    }

    /**
     * @param message what is wrong (no health data)
     * @param details hint and whatever else is known
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidInputException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
