package fr.opendmp.core.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of the outbox for monitoring.
 *
 * @param pending items not yet sent, refused or cancelled
 * @param byState pending items per state
 * @param oldestPendingAge the age of the oldest pending item ({@link Duration#ZERO} when none)
 * @param failuresByReason items that failed at least once, refused or were cancelled, per reason code
 *     (the last reason of each item that is not sent)
 */
public record OutboxMetrics(long pending, Map<OutboxState, Long> byState, Duration oldestPendingAge,
        Map<String, Long> failuresByReason) {

    /**
     * Checks and copies.
     *
     * @param pending the pending
     * @param byState the by state
     * @param oldestPendingAge the oldest pending age
     * @param failuresByReason the failures by reason
     */
    public OutboxMetrics {
        byState = Map.copyOf(byState);
        Objects.requireNonNull(oldestPendingAge, "oldestPendingAge");
        failuresByReason = Map.copyOf(failuresByReason);
    }
}
