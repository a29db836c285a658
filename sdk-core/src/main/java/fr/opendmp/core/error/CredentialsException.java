package fr.opendmp.core.error;

import java.util.List;
import java.util.Optional;

/**
 * A credential could not be produced on the client side (certificate expired or unreadable, token
 * refused by the issuer, identity provider unreachable…). Thrown by a
 * {@code CredentialsProvider}; a client turns it into a {@link CredentialsUnavailableException}.
 * The message says what to fix; it never holds a key or a token.
 */
public class CredentialsException extends DmpClientException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public CredentialsException(String message) {
        this(message, false, null);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public CredentialsException(String message, Throwable cause) {
        this(message, false, cause);
    }

    /**
     * @param message what is wrong and what to do
     * @param retryable whether asking again later may succeed (an issuer that was unreachable)
     * @param cause the underlying failure, or {@code null}
     */
    public CredentialsException(String message, boolean retryable, Throwable cause) {
        this(message, new Details(retryable, "", Optional.empty(), Optional.empty(), List.of()), cause);
    }

    /**
     * @param message what is wrong and what to do
     * @param details retryability, hint, the issuer's HTTP status and request id
     * @param cause the underlying failure, or {@code null}
     */
    public CredentialsException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
