package fr.opendmp.core.error;

import java.time.Duration;
import java.util.Optional;

/** The DMP is throttling or unavailable (429, 503): retryable, after {@link #retryAfter()} when the server said so. */
public class UnavailableException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #retryAfter()}. */
    private final Duration retryAfter;

    /**
     * @param message what happened
     * @param retryAfter the server's Retry-After, or {@code null} when absent
     * @param details retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null}
     */
    public UnavailableException(String message, Duration retryAfter, Details details, Throwable cause) {
        super(message, details, cause);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait, if it said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
