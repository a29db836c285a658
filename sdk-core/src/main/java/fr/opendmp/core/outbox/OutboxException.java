package fr.opendmp.core.outbox;

import fr.opendmp.core.error.DmpClientException;

/**
 * The outbox's store failed (database unreachable, schema migration failed, an item stored under
 * the same uniqueId with other content). Detected on this side: nothing was sent to the DMP.
 */
public class OutboxException extends DmpClientException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed (never health data)
     * @param retryable whether the same call may succeed later
     * @param cause the cause, or null
     */
    public OutboxException(String message, boolean retryable, Throwable cause) {
        super(message, retryable ? Details.retryable("check the outbox database, then call again")
                : Details.of("check the outbox database and the item"), cause);
    }
}
