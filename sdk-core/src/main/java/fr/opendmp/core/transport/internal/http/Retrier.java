package fr.opendmp.core.transport.internal.http;

import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.TransportException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.core.transport.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an attempt again while its error is retryable and the policy has attempts left, waiting as
 * the server asked (Retry-After) or with jittered exponential backoff. Not API. Thread-safe.
 */
public final class Retrier {

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /**
     * @param policy the retry policy
     * @param sleeper how to wait
     */
    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /** @return the policy */
    public RetryPolicy policy() {
        return policy;
    }

    /** Runs {@code attempt} with retries; see {@link #run(Supplier, Supplier)}. */
    public <T> T run(Supplier<T> attempt) {
        return run(attempt, Optional::empty);
    }

    /**
     * @param attempt one attempt; throws a {@link DmpException} whose {@code retryable()} decides
     * @param beforeRetry asked after each wait: a result found there (a deposit already stored) ends
     *     the retries
     * @return the first result
     */
    public <T> T run(Supplier<T> attempt, Supplier<Optional<T>> beforeRetry) {
        for (int n = 1; ; n++) {
            DmpException failure;
            try {
                return attempt.get();
            } catch (DmpException e) {
                failure = e;
            }
            if (!failure.retryable() || n >= policy.maxAttempts()) {
                throw failure;
            }
            Optional<Duration> asked = failure instanceof UnavailableException u ? u.retryAfter() : Optional.empty();
            if (asked.isPresent() && asked.get().compareTo(policy.maxRetryAfter()) > 0) {
                throw failure;
            }
            int done = n;
            pause(asked.orElseGet(() -> policy.jitteredBackoff(done)));
            Optional<T> found;
            try {
                found = beforeRetry.get();
            } catch (DmpException check) {
                failure.addSuppressed(check);
                throw failure;
            }
            if (found.isPresent()) {
                return found.get();
            }
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry", DmpException.Details.of(""), e);
        }
    }
}
