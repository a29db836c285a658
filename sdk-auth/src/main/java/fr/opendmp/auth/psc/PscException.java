package fr.opendmp.auth.psc;

import fr.opendmp.core.error.CredentialsException;
import java.util.Optional;

/**
 * Pro Santé Connect refused or failed a request. Carries the OAuth error code when the server gave
 * one ({@code invalid_grant}, {@code access_denied}, {@code expired_token}…), the HTTP status and
 * whether retrying the same call may succeed. Never holds a token or a secret.
 */
public class PscException extends CredentialsException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;
    private final boolean retryable;

    /**
     * @param error the OAuth error code, or empty
     * @param status the HTTP status, 0 if none
     * @param retryable whether the same call may succeed later
     * @param message what happened and what to do
     */
    public PscException(Optional<String> error, int status, boolean retryable, String message) {
        super(message);
        this.error = error.orElse(null);
        this.status = status;
        this.retryable = retryable;
    }

    /**
     * @param message what happened
     * @param cause the underlying failure (I/O…)
     */
    public PscException(String message, Throwable cause) {
        super(message, cause);
        this.error = null;
        this.status = 0;
        this.retryable = true;
    }

    /**
     * @return the OAuth error code, if the server gave one
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * @return the HTTP status, 0 if there was no answer
     */
    public int status() {
        return status;
    }

    /**
     * @return whether the same call may succeed later (network failure, 5xx)
     */
    public boolean retryable() {
        return retryable;
    }
}
