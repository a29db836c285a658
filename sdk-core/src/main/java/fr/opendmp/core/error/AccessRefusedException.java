package fr.opendmp.core.error;

/** The DMP refused access (401/403): no authorization, professional blocked, not the author, DMP closed. See {@link #reason()} and {@link #hint()}. */
public class AccessRefusedException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #reason()}. */
    private final AccessRefusal reason;

    /**
     * @param message what happened (no health data)
     * @param reason why access was refused
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public AccessRefusedException(String message, AccessRefusal reason, Details details, Throwable cause) {
        super(message, details, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /** @return why access was refused */
    public AccessRefusal reason() {
        return reason;
    }
}
