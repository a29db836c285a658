package fr.opendmp.core.error;

/**
 * An error detected on the client side: the input was refused before anything was sent, a
 * credential could not be made, or the network failed before an answer could be read.
 */
public class DmpClientException extends DmpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null} when there is none
     */
    public DmpClientException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }

    /** @return {@link Side#CLIENT} */
    @Override
    public final Side side() {
        return Side.CLIENT;
    }
}
