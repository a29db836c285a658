package fr.opendmp.core.error;

/**
 * An error on the service side: the service refused the request, failed, or answered something the
 * SDK cannot use (a peer's malformed answer is the service's fault).
 */
public class DmpServiceException extends DmpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened (no health data)
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null} when there is none
     */
    public DmpServiceException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }

    /** @return {@link Side#SERVICE} */
    @Override
    public final Side side() {
        return Side.SERVICE;
    }
}
