package fr.opendmp.core.outbox;

/** Where an outbox item stands. */
public enum OutboxState {
    /** The patient's identity is not QUALIFIEE yet: nothing may be sent. */
    WAITING_QUALIFICATION(false),
    /** Ready to be sent as soon as the rate limit lets it. */
    READY(false),
    /** A retryable failure: sent again at {@link OutboxItem#nextAttemptAt()}. */
    RETRY_SCHEDULED(false),
    /** The DMP refused access for want of an authorization: retried later, or now after {@code retryNow}. */
    WAITING_AUTHORIZATION(false),
    /** Deposited (terminal). */
    SENT(true),
    /** Refused by the DMP for a reason a resend cannot change (terminal; the reason is kept). */
    REFUSED(true),
    /** Cancelled by the application: merge, identity found wrong, operator (terminal; the reason is kept). */
    CANCELLED(true);

    private final boolean terminal;

    OutboxState(boolean terminal) {
        this.terminal = terminal;
    }

    /** @return whether nothing more will happen to an item in this state */
    public boolean terminal() {
        return terminal;
    }

    /** @return whether the worker may pick an item in this state when its time has come */
    public boolean sendable() {
        return this == READY || this == RETRY_SCHEDULED || this == WAITING_AUTHORIZATION;
    }
}
