package fr.opendmp.core.transport.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a call that failed in a way that may pass (timeout, connection reset,
 * 429, 5xx). Only idempotent calls are retried, and deposits, which the client makes idempotent by
 * checking the uniqueId before sending again. The backoff doubles from {@code initialBackoff} up
 * to {@code maxBackoff}; a {@code Retry-After} from the server is honoured when it is not longer
 * than {@code maxRetryAfter} (otherwise the error is raised at once).
 *
 * @param maxAttempts total attempts, including the first (1 = no retry)
 * @param initialBackoff the first wait
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest server-requested wait the client accepts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Checks the values. */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoffs must be positive and maxBackoff >= initialBackoff");
        }
    }

    /** @return 3 attempts, 200 ms doubling up to 5 s, Retry-After up to 30 s */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** @return no retry at all */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** @return the wait before attempt {@code attempt + 1} (attempt counts from 1) */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
