package fr.opendmp.core.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a client retries a call that failed in a way that may pass. One rule decides, for every
 * client (DMP, INSi, Pro Santé Connect), what {@code DmpException.retryable()} says: connection
 * failures before anything was sent, 429 and 503 are retryable; a timeout, a reset, 500, 502 and 504
 * only for idempotent calls (searches, reads, and deposits, which the client makes idempotent by
 * looking the uniqueId up before sending again). The SDK itself retries an idempotent call while its
 * error is retryable and attempts remain; it sends a call that is not idempotent (a token request, a
 * mask over FHIR) once, and its error's {@code retryable()} then tells the caller whether sending it
 * again is safe.
 *
 * <p>The wait before attempt {@code n + 1} doubles from {@code initialBackoff} up to
 * {@code maxBackoff}, minus a random part of up to {@code jitter} of it (so that many clients do
 * not retry in step). A server's {@code Retry-After} (seconds or HTTP date) is honoured when it is
 * not longer than {@code maxRetryAfter}; a longer one ends the retries at once (the error stays
 * retryable: later).
 *
 * @param maxAttempts total attempts, including the first (1 = no retry; at most 10)
 * @param initialBackoff the first wait
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest server-requested wait the client accepts
 * @param jitter the random share taken off each computed wait, 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
        double jitter) {

    /**
     * Checks the values.
     * @param maxAttempts total attempts, including the first (1 = no retry; at most 10)
     * @param initialBackoff the first wait
     * @param maxBackoff the longest computed wait
     * @param maxRetryAfter the longest server-requested wait the client accepts
     * @param jitter the random share taken off each computed wait, 0 to 1
     */
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
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
    }

    /**
     * A policy with the default jitter (0.2).
     *
     * @param maxAttempts total attempts, including the first
     * @param initialBackoff the first wait
     * @param maxBackoff the longest computed wait
     * @param maxRetryAfter the longest server-requested wait the client accepts
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        this(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, 0.2);
    }

    /** @return 3 attempts, 200 ms doubling up to 5 s with 20 % jitter, Retry-After up to 30 s */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30), 0.2);
    }

    /** @return no retry at all */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * @param attempt the attempt
     * @return the longest wait before attempt {@code attempt + 1} (attempt counts from 1), before jitter
     */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * @param attempt the attempt
     * @return the wait before attempt {@code attempt + 1}, jitter applied
     */
    public Duration jitteredBackoff(int attempt) {
        Duration full = backoff(attempt);
        if (jitter == 0 || full.isZero()) {
            return full;
        }
        long off = (long) (full.toMillis() * jitter * ThreadLocalRandom.current().nextDouble());
        return full.minusMillis(off);
    }
}
