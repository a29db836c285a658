package fr.opendmp.auth.psc;

import fr.opendmp.core.error.CredentialsException;
import java.util.List;
import java.util.Optional;

/**
 * Pro Santé Connect (or the API authorization server) refused or failed a request, so the
 * credential could not be obtained: a {@link CredentialsException} of the one error root. Carries
 * the OAuth error code when the server gave one ({@code invalid_grant}, {@code access_denied},
 * {@code expired_token}…), the HTTP status and whether retrying the same call may succeed (the
 * one retry rule's decision). Never holds a token or a secret.
 */
public class PscException extends CredentialsException {

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #error()}. */
    private final String error;
    /** Serialized: see {@link #status()}. */
    private final int status;

    /**
     * @param error the OAuth error code, or empty
     * @param status the HTTP status, 0 if none
     * @param retryable whether the same call may succeed later
     * @param message what happened and what to do
     */
    public PscException(Optional<String> error, int status, boolean retryable, String message) {
        super(message, new Details(retryable, "", status == 0 ? Optional.empty() : Optional.of(status),
                Optional.empty(), List.of()), null);
        this.error = error.orElse(null);
        this.status = status;
    }

    /**
     * A failure before any answer (network, TLS): retryable.
     *
     * @param message what happened and what to do
     * @param cause the underlying failure
     */
    public PscException(String message, Throwable cause) {
        this(message, true, cause);
    }

    /**
     * A failure before any usable answer.
     *
     * @param message what happened and what to do
     * @param retryable whether the same call may succeed later
     * @param cause the underlying failure
     */
    public PscException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
        this.error = null;
        this.status = 0;
    }

    /** @return the OAuth error code, if the server gave one */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** @return the HTTP status, 0 if there was no answer */
    public int status() {
        return status;
    }
}
